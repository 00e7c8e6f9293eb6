package io.lns.loadtest.subscriber;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.SequencingRequired;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.ProxyAvps.InitialReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenChallenge;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.loadtest.ip.IcmpEcho;
import io.lns.loadtest.ip.Ipv4;
import io.lns.loadtest.ip.Ipv4Packet;
import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.auth.Authenticator;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.auth.MsChapV2;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.ppp.proxy.ProxyAuth;
import io.lns.ppp.proxy.ProxyAuthType;
import io.lns.ppp.proxy.ProxyLcp;
import io.lns.ppp.proxy.ProxyOutcome;
import io.lns.ppp.session.PppSession;
import io.lns.ppp.session.PppSessionConfig;
import io.lns.ppp.session.PppSessionSink;
import io.lns.ppp.session.SessionInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A minimal LNS in memory for one {@link SubscriberTunnel}, on a fake clock: the control plane is
 * scripted (every request answered, no loss), and each call gets an AUTHENTICATOR-role {@link
 * PppSession} over the call's data messages, with a tiny authenticator that accepts {@code user1..N}
 * with one password. It answers pings to its gateway address and records every IPv4 datagram the
 * subscribers send. Every message crosses the wire codec both ways, one millisecond each way.
 */
final class FakeLns implements SubscriberTunnel.Output {
    static final long MS = 1_000_000L;
    static final int LNS_TUNNEL = 99;
    static final Inet4Address GATEWAY = Ipv4.toAddress(0x64400001); // 100.64.0.1
    static final Inet4Address DNS = Ipv4.toAddress(0x09090909);

    private record Delivery(long at, long seq, Runnable r) {}

    /** The LNS end of one call. */
    final class Call {
        final int lacSession;
        final int lnsSession;
        PppSession ppp;
        long pppDeadline = Long.MAX_VALUE;
        SessionInfo up;
        String down;
        int ns;
        final List<Ipv4Packet> datagrams = new ArrayList<>();
        final List<L2tpHeader> dataHeaders = new ArrayList<>();
        final List<PppFrame> frames = new ArrayList<>();
        ProxyOutcome proxyOutcome;

        Call(int lacSession, int lnsSession) {
            this.lacSession = lacSession;
            this.lnsSession = lnsSession;
        }

        /** Sends an IPv4 datagram to the subscriber. */
        void sendIp(byte[] datagram) {
            toLac(this, new PppFrame(PppFrame.IPV4, datagram));
        }
    }

    private final L2tpPacketEncoder encoder = L2tpPacketEncoder.standard();
    private final L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();
    private final PriorityQueue<Delivery> wire =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long seq;

    SubscriberTunnel tunnel;
    long now;
    int lnsNs;
    int lnsNr;
    int nextAddress = 10;

    // knobs
    String password = "pw";
    int users = 1000;
    List<AuthProtocol> requestAuth = List.of(AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2, AuthProtocol.PAP);
    boolean talksPpp = true;
    boolean sequenceData;
    long iccnAckDelay;

    final List<ControlMessage> received = new ArrayList<>();
    final Map<Integer, Call> byLnsSession = new HashMap<>();
    final Map<Integer, Call> byLacSession = new HashMap<>();

    // ---------------------------------------------------------------- the clock

    /** Delivers what is on the wire and fires timers until {@code until}. */
    void runUntil(long until) {
        for (int guard = 0; guard < 1_000_000; guard++) {
            long next = Math.min(wire.isEmpty() ? Long.MAX_VALUE : wire.peek().at, tunnel.nextWakeup());
            for (Call c : byLnsSession.values()) next = Math.min(next, c.pppDeadline);
            if (next > until) break;
            now = Math.max(now, next);
            if (!wire.isEmpty() && wire.peek().at <= now) {
                wire.poll().r.run();
                continue;
            }
            if (tunnel.nextWakeup() <= now) tunnel.onTick(now);
            for (Call c : List.copyOf(byLnsSession.values())) {
                if (c.pppDeadline <= now && c.ppp != null) c.ppp.tick(now);
            }
        }
        now = Math.max(now, until);
    }

    void runFor(long nanos) {
        runUntil(now + nanos);
    }

    private void later(long delay, Runnable r) {
        wire.add(new Delivery(now + delay, seq++, r));
    }

    // ---------------------------------------------------------------- LAC -> LNS

    @Override
    public void transmit(ControlMessage message, HidingKey hiding) {
        ControlMessage m = roundTrip(message);
        later(MS, () -> control(m));
    }

    @Override
    public void transmitData(DataMessage message) {
        ByteBuf bytes = encoder.encode(message, UnpooledByteBufAllocator.DEFAULT, null);
        DataMessage m;
        try {
            m = (DataMessage) decoder.decode(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            bytes.release();
        }
        later(MS, () -> data(m));
    }

    private ControlMessage roundTrip(ControlMessage message) {
        ByteBuf b = Unpooled.buffer();
        encoder.encode(message, b);
        try {
            return (ControlMessage) decoder.decode(b);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void control(ControlMessage m) {
        if (m.isZlb() || m.header().ns() != lnsNr) return;
        lnsNr = (lnsNr + 1) & 0xFFFF;
        received.add(m);
        switch (m.type().orElseThrow()) {
            case SCCRQ -> reply(ControlMessageType.SCCRP, 0, new AssignedTunnelId(LNS_TUNNEL));
            case ICRQ -> {
                int lac = m.find(AssignedSessionId.class).orElseThrow().id();
                Call c = new Call(lac, 1000 + lac);
                byLnsSession.put(c.lnsSession, c);
                byLacSession.put(lac, c);
                reply(ControlMessageType.ICRP, lac, new AssignedSessionId(c.lnsSession));
            }
            case ICCN -> {
                Call c = byLnsSession.get(m.header().sessionId());
                if (m.find(SequencingRequired.class).isPresent()) sequenceData = true;
                if (iccnAckDelay > 0) later(iccnAckDelay, this::zlb);
                else zlb();
                if (talksPpp) startPpp(c, proxyLcp(m.avps()), proxyAuth(m.avps()));
            }
            case CDN -> {
                Call c = byLnsSession.remove(m.header().sessionId());
                if (c != null) {
                    byLacSession.remove(c.lacSession);
                    if (c.ppp != null) c.ppp.lowerLayerDown(now, "CDN");
                    c.pppDeadline = Long.MAX_VALUE;
                }
                zlb();
            }
            default -> zlb();
        }
    }

    private void data(DataMessage m) {
        Call c = byLnsSession.get(m.header().sessionId());
        if (c == null || c.ppp == null) return;
        c.dataHeaders.add(m.header());
        PppFrame f = PppFrame.decode(m.payload());
        m.release();
        c.frames.add(f);
        c.ppp.receive(f, now);
    }

    // ---------------------------------------------------------------- LNS -> LAC

    private void reply(ControlMessageType type, int sessionId, AvpValue... values) {
        List<Avp> avps = new ArrayList<>();
        avps.add(Avp.of(MessageType.of(type)));
        for (AvpValue v : values) avps.add(Avp.of(v));
        ControlMessage m =
                roundTrip(new ControlMessage(L2tpHeader.control(tunnel.localId(), sessionId, lnsNs, lnsNr), avps));
        lnsNs = (lnsNs + 1) & 0xFFFF;
        later(MS, () -> tunnel.onMessage(m, now));
    }

    private void zlb() {
        ControlMessage m = ControlMessage.zlb(tunnel.localId(), lnsNs, lnsNr);
        later(MS, () -> tunnel.onMessage(m, now));
    }

    /** The LNS hangs up a call (CDN result 3). */
    void sendCdn(Call c) {
        reply(ControlMessageType.CDN, c.lacSession, ResultCode.of(3), new AssignedSessionId(c.lnsSession));
    }

    void toLac(Call c, PppFrame frame) {
        L2tpHeader h = sequenceData
                ? L2tpHeader.sequencedData(tunnel.localId(), c.lacSession, c.ns, 0)
                : L2tpHeader.data(tunnel.localId(), c.lacSession);
        if (sequenceData) c.ns = (c.ns + 1) & 0xFFFF;
        toLac(h, frame.encode());
    }

    /** Any data message to the LAC, e.g. a malformed one. */
    void toLac(L2tpHeader h, byte[] payload) {
        ByteBuf b = Unpooled.buffer();
        L2tpPacketEncoder.writeDataHeader(h, payload.length, b);
        b.writeBytes(payload);
        DataMessage m;
        try {
            m = (DataMessage) decoder.decode(b);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            b.release();
        }
        later(MS, () -> {
            tunnel.onData(m, now);
            m.release();
        });
    }

    // ---------------------------------------------------------------- PPP at the LNS

    private void startPpp(Call c, Optional<ProxyLcp> proxyLcp, Optional<ProxyAuth> proxyAuth) {
        Inet4Address address = Ipv4.toAddress(0x64400000 + nextAddress++);
        PppSessionConfig config = PppSessionConfig.authenticator(
                LcpConfig.authenticator(1460, requestAuth), new Users(), GATEWAY, DNS, null);
        c.ppp = new PppSession(config, new Sink(c, address), new SplittableRandom(c.lnsSession));
        c.ppp.start(now, proxyLcp, proxyAuth);
    }

    private static Optional<ProxyLcp> proxyLcp(List<Avp> avps) {
        byte[] initial = null;
        byte[] sent = null;
        byte[] received = null;
        for (Avp a : avps) {
            switch (a.value()) {
                case InitialReceivedLcpConfReq v -> initial = v.options().toByteArray();
                case LastSentLcpConfReq v -> sent = v.options().toByteArray();
                case LastReceivedLcpConfReq v -> received = v.options().toByteArray();
                default -> {}
            }
        }
        return sent == null || received == null ? Optional.empty() : Optional.of(new ProxyLcp(initial, sent, received));
    }

    private static Optional<ProxyAuth> proxyAuth(List<Avp> avps) {
        ProxyAuthType type = null;
        String name = "";
        byte[] challenge = null;
        int id = 0;
        byte[] response = null;
        for (Avp a : avps) {
            switch (a.value()) {
                case ProxyAuthenType v ->
                    type = ProxyAuthType.fromCode(v.type()).orElseThrow();
                case ProxyAuthenName v -> name = v.name();
                case ProxyAuthenChallenge v -> challenge = v.challenge().toByteArray();
                case ProxyAuthenId v -> id = v.identifier();
                case ProxyAuthenResponse v -> response = v.response().toByteArray();
                default -> {}
            }
        }
        return type == null ? Optional.empty() : Optional.of(new ProxyAuth(type, name, challenge, id, response));
    }

    private final class Sink implements PppSessionSink {
        private final Call c;
        private final Inet4Address address;

        Sink(Call c, Inet4Address address) {
            this.c = c;
            this.address = address;
        }

        @Override
        public Optional<Inet4Address> leaseAddress() {
            return Optional.of(address);
        }

        @Override
        public void sendFrame(int protocol, byte[] information) {
            toLac(c, new PppFrame(protocol, information));
        }

        @Override
        public void timerWanted(long deadline) {
            c.pppDeadline = deadline;
        }

        @Override
        public void sessionUp(SessionInfo info) {
            c.up = info;
        }

        @Override
        public void sessionDown(String reason) {
            c.down = reason;
        }

        @Override
        public void proxyOutcome(ProxyOutcome outcome) {
            c.proxyOutcome = outcome;
        }

        @Override
        public void dataFrame(PppFrame frame) {
            if (frame.protocol() != PppFrame.IPV4) return;
            Ipv4Packet p = Ipv4Packet.decode(frame.information());
            c.datagrams.add(p);
            if (p.destination() == Ipv4.toInt(GATEWAY) && p.protocol() == Ipv4Packet.ICMP) {
                IcmpEcho.decode(p.payload())
                        .filter(e -> !e.reply())
                        .ifPresent(e -> c.sendIp(new Ipv4Packet(
                                        1,
                                        false,
                                        64,
                                        Ipv4Packet.ICMP,
                                        p.destination(),
                                        p.source(),
                                        e.toReply().encode())
                                .encode()));
            }
        }

        @Override
        public void authResultReady(long token, AuthResult result) {
            later(0, () -> c.ppp.onAuthResult(token, result, now));
        }
    }

    /** Accepts user1..user{@code users} with {@link #password}. */
    private final class Users implements Authenticator {
        @Override
        public CompletionStage<AuthResult> authenticate(AuthRequest request) {
            return CompletableFuture.completedFuture(check(request));
        }

        private AuthResult check(AuthRequest request) {
            String u = request.user();
            boolean known = u.matches("user\\d+") && Long.parseLong(u.substring(4)) <= users;
            if (!known) return new AuthResult.Rejected("unknown user");
            byte[] pw = password.getBytes(StandardCharsets.UTF_8);
            AuthResult.Rejected wrong = new AuthResult.Rejected("wrong password");
            return switch (request) {
                case AuthRequest.PapRequest p -> Arrays.equals(p.password(), pw) ? AuthResult.Accepted.plain() : wrong;
                case AuthRequest.ChapRequest c ->
                    Chap.verifyMd5Response(c.id(), pw, c.challenge(), c.response())
                            ? AuthResult.Accepted.plain()
                            : wrong;
                case AuthRequest.MsChapV2Request m -> {
                    byte[] hash = MsChapV2.ntPasswordHash(password);
                    if (!MsChapV2.verifyNtResponse(
                            m.authenticatorChallenge(), m.peerChallenge(), m.user(), hash, m.ntResponse())) {
                        yield wrong;
                    }
                    String s = MsChapV2.generateAuthenticatorResponseFromHash(
                            hash, m.ntResponse(), m.peerChallenge(), m.authenticatorChallenge(), m.user());
                    yield new AuthResult.Accepted(
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(new AuthResult.MsChapV2Success(
                                    s, new AuthResult.MppeKeys(new byte[16], new byte[16]))));
                }
            };
        }
    }
}
