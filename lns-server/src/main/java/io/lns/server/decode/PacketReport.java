package io.lns.server.decode;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.format.AvpFormatter;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.MessageCatalogue;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code lns decode} says about one captured datagram, as a text line or as a JSON object
 * (the same facts in both).
 */
record PacketReport(
        long frame,
        Instant time,
        InetSocketAddress source,
        InetSocketAddress destination,
        L2tpPacket packet,
        String error,
        List<String> violations,
        AvpDictionary dictionary) {

    static PacketReport of(
            long frame, Instant time, InetSocketAddress src, InetSocketAddress dst, L2tpPacket p, AvpDictionary d) {
        List<String> violations = p instanceof ControlMessage c
                ? MessageCatalogue.check(c, d).stream().map(v -> v.detail()).toList()
                : List.of();
        return new PacketReport(frame, time, src, dst, p, null, violations, d);
    }

    static PacketReport error(long frame, Instant time, InetSocketAddress src, InetSocketAddress dst, String error) {
        return new PacketReport(frame, time, src, dst, null, error, List.of(), null);
    }

    static PacketReport decodeError(
            long frame, Instant time, InetSocketAddress src, InetSocketAddress dst, L2tpDecodeException e) {
        return error(frame, time, src, dst, e.reason().name().toLowerCase() + ": " + e.getMessage());
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(frame).append(' ').append(time == null ? "-" : time.toString());
        if (source != null) sb.append(' ').append(address(source)).append(" > ").append(address(destination));
        if (error != null) return sb.append(" ERROR ").append(error).toString();
        L2tpHeader h = packet.header();
        sb.append(" tunnel ").append(h.tunnelId()).append(" session ").append(h.sessionId());
        if (h.sequencePresent()) sb.append(" Ns ").append(h.ns()).append(" Nr ").append(h.nr());
        switch (packet) {
            case ControlMessage c -> {
                ControlMessageType type = c.type().orElse(null);
                sb.append(' ').append(messageName(c));
                for (Avp avp : c.avps()
                        .subList(
                                c.messageTypeAvp().isPresent() ? 1 : 0, c.avps().size())) {
                    sb.append(", ").append(AvpFormatter.describe(avp, name(avp), type));
                }
                for (String v : violations) sb.append(" !").append(v);
            }
            case DataMessage d -> {
                sb.append(" DATA ").append(d.payload().readableBytes()).append(" octets");
                if (h.offsetPresent()) sb.append(" offset ").append(h.offsetSize());
                if (h.priority()) sb.append(" priority");
                String ppp = PppPeek.describe(d.payload());
                if (ppp != null) sb.append(' ').append(ppp);
            }
        }
        return sb.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frame", frame);
        m.put("time", time == null ? null : time.toString());
        if (source != null) {
            m.put("src", address(source));
            m.put("dst", address(destination));
        }
        if (error != null) {
            m.put("kind", "error");
            m.put("error", error);
            return m;
        }
        L2tpHeader h = packet.header();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("length", h.lengthPresent() ? h.length() : null);
        header.put("tunnel", h.tunnelId());
        header.put("session", h.sessionId());
        header.put("ns", h.sequencePresent() ? h.ns() : null);
        header.put("nr", h.sequencePresent() ? h.nr() : null);
        if (h.offsetPresent()) header.put("offset", h.offsetSize());
        if (h.priority()) header.put("priority", true);
        switch (packet) {
            case ControlMessage c -> {
                m.put("kind", "control");
                m.put("header", header);
                m.put("message", messageName(c));
                ControlMessageType type = c.type().orElse(null);
                List<Map<String, Object>> avps = new ArrayList<>();
                for (Avp avp : c.avps()) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("name", name(avp));
                    a.put("vendor", avp.vendorId());
                    a.put("type", avp.type());
                    a.put("mandatory", avp.mandatory());
                    a.put("hidden", avp.hidden());
                    if (avp.reservedBits() != 0) a.put("reserved", avp.reservedBits());
                    a.put("value", AvpFormatter.fields(avp.value()));
                    a.put("text", AvpFormatter.text(avp.value(), type));
                    avps.add(a);
                }
                m.put("avps", avps);
                if (!violations.isEmpty()) m.put("violations", violations);
            }
            case DataMessage d -> {
                m.put("kind", "data");
                m.put("header", header);
                m.put("payloadLength", d.payload().readableBytes());
                String ppp = PppPeek.describe(d.payload());
                if (ppp != null) m.put("ppp", ppp);
            }
        }
        return m;
    }

    private String name(Avp avp) {
        return dictionary.name(avp.vendorId(), avp.type());
    }

    private static String messageName(ControlMessage c) {
        if (c.isZlb()) return "ZLB";
        return c.messageTypeAvp()
                .map(mt -> mt.type().map(Enum::name).orElse("unknown message type " + mt.code()))
                .orElse("(no Message Type)");
    }

    private static String address(InetSocketAddress a) {
        String host =
                a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
