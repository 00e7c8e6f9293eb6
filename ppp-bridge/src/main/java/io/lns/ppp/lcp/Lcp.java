package io.lns.ppp.lcp;

import io.lns.ppp.frame.ConfigOption;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppDecodeException;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.ExtensionCodes;
import io.lns.ppp.fsm.FsmSink;
import io.lns.ppp.fsm.OptionFsm;
import io.lns.ppp.fsm.State;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * The Link Control Protocol (RFC 1661 §5, §6) on the shared {@link OptionFsm}: the option classes of
 * this package, plus the LCP-only codes — Code-Reject, Protocol-Reject, Echo-Request/Reply (never
 * larger than the peer's MRU), Discard-Request — and the echo keepalive.
 */
public final class Lcp {
    private final LcpConfig config;
    private final FsmSink sink;
    private final OptionFsm fsm;
    private final MruOption mru;
    private final AuthProtocolOption auth;
    private final MagicNumberOption magic;
    private final CompressionOption pfc = CompressionOption.pfc();
    private final CompressionOption acfc = CompressionOption.acfc();
    private IntConsumer protocolRejected = p -> {};

    private long now;
    private long nextEcho = Long.MAX_VALUE;
    private int echoOutstanding;
    private int echoId = -1;
    private long echoSentAt;
    private long echoRequestsSent;
    private long echoRepliesReceived;
    private long lastEchoRoundTrip = -1;
    private long reportedDeadline = Long.MAX_VALUE;

    public Lcp(LcpConfig config, FsmSink sink, IntSupplier random) {
        this.config = config;
        this.sink = sink;
        this.mru = new MruOption(config.mru(), LcpConfig.MINIMUM_MRU);
        this.auth = new AuthProtocolOption(config.requestAuth(), config.acceptAuth());
        this.magic = new MagicNumberOption(random);
        this.fsm = new OptionFsm("LCP", PppFrame.LCP, config.fsm(), new Inner());
        fsm.register(mru)
                .register(new AccmOption())
                .register(auth)
                .register(magic)
                .register(pfc)
                .register(acfc)
                .register(MultilinkOption.mrru(config.requestMrru()))
                .register(MultilinkOption.endpointDiscriminator(config.requestEndpointDiscriminator()));
        fsm.extension(this::extension);
        fsm.optionNames(LcpOptionTypes::describe);
    }

    /** Called with the protocol number when the peer Protocol-Rejects one of ours (other than LCP). */
    public void onProtocolReject(IntConsumer listener) {
        this.protocolRejected = listener;
    }

    public void open(long now) {
        this.now = now;
        fsm.open(now);
        reportTimer();
    }

    public void up(long now) {
        this.now = now;
        fsm.up(now);
        reportTimer();
    }

    public void down(long now) {
        this.now = now;
        fsm.down(now);
        reportTimer();
    }

    public void close(long now, String reason) {
        this.now = now;
        fsm.close(now, reason);
        reportTimer();
    }

    /**
     * Opens with the agreement a LAC made with the subscriber (proxy LCP, RFC 2661 §4.4.5), sending
     * nothing: {@code ourOptions} is the request made on our behalf, {@code peerOptions} the peer's.
     * Accepted only if we could have made that request ourselves — our configured authentication
     * protocols (present exactly when we require one), no multilink, nothing unknown — and our
     * handlers would acknowledge every option of the peer's as it stands. Otherwise nothing changes
     * and the reason is returned: negotiate with {@link #open} and {@link #up} instead.
     */
    public Optional<String> adopt(byte[] ourOptions, byte[] peerOptions, long now) {
        this.now = now;
        Optional<String> refusal;
        try {
            refusal = ourRequestRefusal(ConfigOption.decodeAll(ourOptions));
        } catch (PppDecodeException e) {
            refusal = Optional.of("malformed options: " + e.getMessage());
        }
        if (refusal.isEmpty()) {
            refusal = fsm.adopt(ourOptions, peerOptions, now);
        }
        reportTimer();
        return refusal;
    }

    private Optional<String> ourRequestRefusal(List<ConfigOption> options) {
        AuthProtocol requested = null;
        for (ConfigOption o : options) {
            byte[] v = o.value();
            switch (o.type()) {
                case LcpOptionTypes.MRU -> {
                    if (v.length != 2) return Optional.of("our MRU option has " + v.length + " octets");
                }
                case LcpOptionTypes.MAGIC_NUMBER -> {
                    if (v.length != 4 || MagicNumberOption.u32(v) == 0) {
                        return Optional.of("our Magic-Number option is not a non-zero 4-octet number");
                    }
                }
                case LcpOptionTypes.AUTH_PROTOCOL -> {
                    Optional<AuthProtocol> p = AuthProtocol.of(v).filter(config.requestAuth()::contains);
                    if (p.isEmpty()) {
                        return Optional.of("authentication protocol "
                                + HexFormat.of().formatHex(v) + " is not one we request " + config.requestAuth());
                    }
                    requested = p.get();
                }
                case LcpOptionTypes.ACCM, LcpOptionTypes.PFC, LcpOptionTypes.ACFC -> {}
                default -> {
                    return Optional.of("option " + LcpOptionTypes.describe(o.type()) + " is not one we would request");
                }
            }
        }
        if (requested == null && !config.requestAuth().isEmpty()) {
            return Optional.of("no authentication was requested, we require one of " + config.requestAuth());
        }
        return Optional.empty();
    }

    public void receive(ControlPacket packet, long now) {
        this.now = now;
        fsm.receive(packet, now);
        reportTimer();
    }

    /** Restart timer and keepalive. */
    public void tick(long now) {
        this.now = now;
        fsm.tick(now);
        if (fsm.state() == State.OPENED && now >= nextEcho) {
            if (echoOutstanding >= config.echoFailures()) {
                nextEcho = Long.MAX_VALUE;
                fsm.close(now, "peer not responding: " + echoOutstanding + " Echo-Requests unanswered");
            } else {
                echoOutstanding++;
                echoId = fsm.sendWithNewId(ControlPacket.ECHO_REQUEST, MagicNumberOption.u32(magic.ours()));
                echoSentAt = now;
                echoRequestsSent++;
                nextEcho = now + config.echoInterval().toNanos();
            }
        }
        reportTimer();
    }

    /**
     * Protocol-Reject (RFC 1661 §5.7) of a frame of an unknown protocol; sent only in Opened, truncated
     * to the peer's MRU.
     */
    public void rejectProtocol(PppFrame frame, long now) {
        this.now = now;
        if (fsm.state() != State.OPENED) {
            return;
        }
        byte[] info = frame.information();
        int room = mru.peerMru() - ControlPacket.HEADER_LENGTH - 2;
        ByteBuffer data = ByteBuffer.allocate(2 + Math.min(info.length, room));
        data.putShort((short) frame.protocol()).put(info, 0, data.remaining());
        fsm.sendWithNewId(ControlPacket.PROTOCOL_REJECT, data.array());
    }

    private ExtensionCodes.Event extension(ControlPacket packet, State state, long now) {
        byte[] data = packet.data();
        return switch (packet.code()) {
            case ControlPacket.PROTOCOL_REJECT -> {
                if (state != State.OPENED || data.length < 2) {
                    yield ExtensionCodes.Event.RXR;
                }
                int rejected = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
                if (rejected == PppFrame.LCP) {
                    yield ExtensionCodes.Event.RXJ_MINUS;
                }
                protocolRejected.accept(rejected);
                yield ExtensionCodes.Event.RXJ_PLUS;
            }
            case ControlPacket.ECHO_REQUEST -> {
                if (state == State.OPENED && data.length >= 4) {
                    int room = mru.peerMru() - ControlPacket.HEADER_LENGTH;
                    byte[] reply = Arrays.copyOf(data, Math.min(data.length, room));
                    System.arraycopy(MagicNumberOption.u32(magic.ours()), 0, reply, 0, 4);
                    fsm.send(ControlPacket.ECHO_REPLY, packet.identifier(), reply);
                }
                yield ExtensionCodes.Event.RXR;
            }
            case ControlPacket.ECHO_REPLY -> {
                echoOutstanding = 0;
                echoRepliesReceived++;
                if (packet.identifier() == echoId) { // a reply to our latest request: a round trip
                    lastEchoRoundTrip = now - echoSentAt;
                    echoId = -1;
                }
                yield ExtensionCodes.Event.RXR;
            }
            case ControlPacket.DISCARD_REQUEST -> ExtensionCodes.Event.RXR;
            default -> ExtensionCodes.Event.RUC;
        };
    }

    private void reportTimer() {
        long deadline = Math.min(fsm.timerDeadline(), fsm.state() == State.OPENED ? nextEcho : Long.MAX_VALUE);
        if (deadline != reportedDeadline) {
            reportedDeadline = deadline;
            sink.timerWanted(deadline);
        }
    }

    public State state() {
        return fsm.state();
    }

    /** The largest PPP information field the peer accepts. */
    public int peerMru() {
        return mru.peerMru();
    }

    public int ourMagic() {
        return magic.ours();
    }

    /** Authenticator role: the protocol the peer agreed to; empty if none (then terminate the link). */
    public Optional<AuthProtocol> agreedAuth() {
        return auth.agreed();
    }

    /** Peer role: the protocol the authenticator requires of us. */
    public Optional<AuthProtocol> peerRequiresAuth() {
        return auth.peerRequires();
    }

    public long echoRequestsSent() {
        return echoRequestsSent;
    }

    public long echoRepliesReceived() {
        return echoRepliesReceived;
    }

    /** Nanoseconds between our latest answered Echo-Request and its reply; -1 before the first. */
    public long lastEchoRoundTrip() {
        return lastEchoRoundTrip;
    }

    public boolean peerUsesPfc() {
        return pfc.peerUses();
    }

    public boolean peerUsesAcfc() {
        return acfc.peerUses();
    }

    /** Forwards the automaton's output, starting the keepalive when the layer comes up. */
    private final class Inner implements FsmSink {
        @Override
        public void send(int protocol, ControlPacket packet) {
            sink.send(protocol, packet);
        }

        @Override
        public void layerUp() {
            echoOutstanding = 0;
            nextEcho = config.echoInterval().isZero()
                    ? Long.MAX_VALUE
                    : now + config.echoInterval().toNanos();
            sink.layerUp();
        }

        @Override
        public void layerDown(String reason) {
            nextEcho = Long.MAX_VALUE;
            sink.layerDown(reason);
        }

        @Override
        public void layerStarted() {
            sink.layerStarted();
        }

        @Override
        public void discarded(ControlPacket packet, String why) {
            sink.discarded(packet, why);
        }

        @Override
        public void layerFinished(String reason) {
            sink.layerFinished(reason);
        }
    }
}
