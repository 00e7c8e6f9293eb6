package io.lns.l2tp.message;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.header.L2tpHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A control message: header plus AVPs in wire order (RFC 2661 §3.2). A message without AVPs is a
 * ZLB (zero-length body) acknowledgement (§5.8).
 */
public record ControlMessage(L2tpHeader header, List<Avp> avps) implements L2tpPacket {

    public ControlMessage {
        if (!header.control()) throw new IllegalArgumentException("a control message needs a control header");
        avps = List.copyOf(avps);
    }

    /** A message of {@code type} with the Message Type AVP first and the given AVPs after it. */
    public static ControlMessage of(L2tpHeader header, ControlMessageType type, List<Avp> avps) {
        List<Avp> all = new ArrayList<>(avps.size() + 1);
        all.add(Avp.of(MessageType.of(type)));
        all.addAll(avps);
        return new ControlMessage(header, all);
    }

    public static ControlMessage zlb(int tunnelId, int ns, int nr) {
        return new ControlMessage(L2tpHeader.control(tunnelId, 0, ns, nr), List.of());
    }

    public boolean isZlb() {
        return avps.isEmpty();
    }

    /** The Message Type code when the first AVP is a decoded Message Type, else empty. */
    public Optional<MessageType> messageTypeAvp() {
        if (avps.isEmpty()) return Optional.empty();
        return avps.get(0).value() instanceof MessageType mt ? Optional.of(mt) : Optional.empty();
    }

    /** The known message type, or empty for a ZLB, an unknown code, or a missing Message Type. */
    public Optional<ControlMessageType> type() {
        return messageTypeAvp().flatMap(MessageType::type);
    }

    /** The first AVP whose value is of {@code valueClass}. */
    public <T extends AvpValue> Optional<T> find(Class<T> valueClass) {
        for (Avp avp : avps) {
            if (valueClass.isInstance(avp.value())) return Optional.of(valueClass.cast(avp.value()));
        }
        return Optional.empty();
    }

    /** Every AVP value of {@code valueClass}, in order. */
    public <T extends AvpValue> List<T> findAll(Class<T> valueClass) {
        List<T> out = new ArrayList<>();
        for (Avp avp : avps) {
            if (valueClass.isInstance(avp.value())) out.add(valueClass.cast(avp.value()));
        }
        return out;
    }
}
