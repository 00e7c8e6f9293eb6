package io.lns.loadtest.lac;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.BearerType;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.CallManagementAvps.CallingNumber;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.CallManagementAvps.SequencingRequired;
import io.lns.l2tp.avp.CallManagementAvps.TxConnectSpeed;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.BearerCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.Challenge;
import io.lns.l2tp.avp.ControlConnectionAvps.ChallengeResponse;
import io.lns.l2tp.avp.ControlConnectionAvps.FirmwareRevision;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.ControlConnectionAvps.ReceiveWindowSize;
import io.lns.l2tp.avp.ControlConnectionAvps.VendorName;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.control.ReliableChannel;
import io.lns.l2tp.control.ReliableChannelStats;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.ResultCodes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The LAC end of one tunnel and its incoming calls, Sans-IO: the owner feeds it received control
 * messages and clock ticks; it transmits through {@link Output} and reports to a {@link
 * LacListener}. Not thread-safe: one thread drives it.
 *
 * <ul>
 *   <li>Tunnel (RFC 2661 §5.1): SCCRQ → SCCRP → SCCCN; up when the SCCCN is acknowledged. With a
 *       secret, the SCCRQ carries a Challenge whose response in the SCCRP must verify, and a
 *       Challenge from the LNS is answered in the SCCCN (§5.1.1).
 *   <li>Calls (§5.2.1, LAC side of an incoming call): ICRQ → ICRP → ICCN; up when the ICCN is
 *       acknowledged. The acknowledgement is read from the Nr of whatever the LNS sends next, ahead
 *       of the reliable channel, so an ICCN acknowledged by a CDN counts as up, then down.
 *   <li>With {@code hideAvps}, the identifying AVPs we send are hidden (§4.3); hidden AVPs received
 *       are revealed with the secret.
 *   <li>Timeouts for tunnel and call setup, a HELLO after a quiet interval (§6.5), and a teardown
 *       that sends a CDN per call and a StopCCN, bounded in time.
 * </ul>
 */
public final class LacTunnel {

    public enum State {
        IDLE,
        WAIT_SCCRP,
        WAIT_SCCCN_ACK,
        ESTABLISHED,
        /** Our teardown is under way: StopCCN sent, waiting for its acknowledgement. */
        CLOSING,
        CLOSED
    }

    /** Where encoded-to-be messages go. {@code hiding} is non-null when the message hides AVPs. */
    public interface Output {
        void transmit(ControlMessage message, HidingKey hiding);
    }

    private static final long NEVER = ReliableChannel.NEVER;
    private static final int CHALLENGE_LENGTH = 16;
    private static final int MAX_SESSION_ID = 0xFFFF;

    private record Watch(int ns, Runnable onAck) {}

    private final int localId;
    private final LacConfig config;
    private final Output out;
    private final LacListener listener;
    private final Random random;
    private final HidingKey hiding;
    private final ReliableChannel channel;
    private final L2tpPacketDecoder revealer = L2tpPacketDecoder.standard();
    private final long tunnelSetupTimeout;
    private final long callSetupTimeout;
    private final long helloInterval;
    private final long teardownTimeout;

    private final List<LacSession> byLocalId = new ArrayList<>();
    private final Map<Integer, LacSession> byPeerId = new HashMap<>();
    /** Calls in setup, oldest first: all share one timeout, so the first has the earliest deadline. */
    private final LinkedHashSet<LacSession> settingUp = new LinkedHashSet<>();

    /** Messages whose acknowledgement we wait for, by (type, header session id), until they get an Ns. */
    private final Map<Long, Runnable> awaitingNs = new HashMap<>();
    /** The same once sent, in Ns order. */
    private final ArrayDeque<Watch> watches = new ArrayDeque<>();

    private State state = State.IDLE;
    private boolean channelActive = true;
    private long clock;
    private int peerId;
    private byte[] ourChallenge;
    private long sccrqAt;
    private long sccrpLatency;
    private long setupDeadline = NEVER;
    private long helloDue = NEVER;
    private Failure failure;
    private int establishedCalls;

    private long teardownStartedAt;
    private long teardownDeadline = NEVER;
    private int cdnsSent;
    private int cdnsAcked;

    private long received;
    private long ignored;
    private long wrongTunnel;

    public LacTunnel(int localId, LacConfig config, Output out, LacListener listener, Random random) {
        if (localId < 1 || localId > 0xFFFF) throw new IllegalArgumentException("tunnel id 1..65535");
        this.localId = localId;
        this.config = config;
        this.out = out;
        this.listener = listener;
        this.random = random;
        this.hiding = config.secret() == null ? null : new HidingKey(config.secret(), random);
        this.channel = new ReliableChannel(config.channel(), new ChannelSink());
        this.tunnelSetupTimeout = nanos(config.tunnelSetupTimeout());
        this.callSetupTimeout = nanos(config.callSetupTimeout());
        this.helloInterval = nanos(config.helloInterval());
        this.teardownTimeout = nanos(config.teardownTimeout());
    }

    // ---------------------------------------------------------------- inputs

    /** Sends the SCCRQ. */
    public void start(long now) {
        if (state != State.IDLE) throw new IllegalStateException("already started");
        clock = now;
        state = State.WAIT_SCCRP;
        sccrqAt = now;
        setupDeadline = now + tunnelSetupTimeout;
        List<Avp> avps = new ArrayList<>();
        avps.add(Avp.of(ProtocolVersion.RFC2661));
        avps.add(hidable(new HostName(config.hostName())));
        avps.add(Avp.of(new FramingCapabilities(FramingCapabilities.SYNC)));
        avps.add(Avp.of(new BearerCapabilities(BearerCapabilities.DIGITAL)));
        avps.add(Avp.of(new FirmwareRevision(config.firmwareRevision())));
        avps.add(hidable(new VendorName(config.vendorName())));
        avps.add(hidable(new AssignedTunnelId(localId)));
        avps.add(Avp.of(new ReceiveWindowSize(config.channel().receiveWindow())));
        if (config.secret() != null) {
            ourChallenge = new byte[CHALLENGE_LENGTH];
            random.nextBytes(ourChallenge);
            avps.add(Avp.of(new Challenge(Octets.of(ourChallenge))));
        }
        send(0, ControlMessageType.SCCRQ, avps, null, now);
    }

    /** A control message (ZLB included) received from the LNS, hidden AVPs not yet revealed. */
    public void onMessage(ControlMessage message, long now) {
        clock = now;
        if (message.header().tunnelId() != localId) {
            wrongTunnel++;
            return;
        }
        if (!channelActive) return;
        received++;
        ControlMessage m = hiding == null ? message : revealer.reveal(message, config.secret());
        if (state == State.ESTABLISHED) helloDue = now + helloInterval;
        acknowledged(m.header().nr());
        channel.onReceive(m, now);
    }

    /** Drives timers; call at or after {@link #nextWakeup()}. */
    public void onTick(long now) {
        clock = now;
        if (channelActive) channel.onTick(now);
        if ((state == State.WAIT_SCCRP || state == State.WAIT_SCCCN_ACK) && setupDeadline <= now) {
            String what = state == State.WAIT_SCCRP ? "no SCCRP" : "SCCCN not acknowledged";
            Failure f = Failure.of(Failure.Kind.TIMEOUT, what + " within " + seconds(tunnelSetupTimeout));
            if (peerId != 0) {
                sendStopccn(ResultCodes.STOPCCN_GENERAL_ERROR, now, null);
            } else {
                channelActive = false;
            }
            down(f);
        }
        while (!settingUp.isEmpty() && settingUp.getFirst().deadline <= now) {
            LacSession s = settingUp.getFirst();
            String what = s.state == LacSession.State.WAIT_ICRP ? "no ICRP" : "ICCN not acknowledged";
            sendCdn(s, ResultCodes.CDN_TIMEOUT, now, null);
            closeCall(s);
            listener.callFailed(s, Failure.of(Failure.Kind.TIMEOUT, what + " within " + seconds(callSetupTimeout)));
        }
        if (state == State.ESTABLISHED && helloDue <= now) {
            send(0, ControlMessageType.HELLO, List.of(), null, now);
            helloDue = now + helloInterval;
        }
        if (state == State.CLOSING && teardownDeadline <= now) finishTeardown(false);
    }

    /** When {@link #onTick} next has something to do, or {@link ReliableChannel#NEVER}. */
    public long nextWakeup() {
        long t = channelActive ? channel.nextWakeup() : NEVER;
        if (state == State.WAIT_SCCRP || state == State.WAIT_SCCCN_ACK) t = Math.min(t, setupDeadline);
        if (!settingUp.isEmpty()) t = Math.min(t, settingUp.getFirst().deadline);
        if (state == State.ESTABLISHED) t = Math.min(t, helloDue);
        if (state == State.CLOSING) t = Math.min(t, teardownDeadline);
        return t;
    }

    /**
     * Places an incoming call (ICRQ). On a tunnel that is not established the call fails at once
     * (reported to the listener), so a caller on another thread need not know the tunnel's state.
     */
    public LacSession startCall(long serial, String callingNumber, long now) {
        return startCall(serial, callingNumber, List.of(), now);
    }

    /**
     * Places an incoming call whose ICCN also carries {@code iccnAvps} (proxy LCP and authentication,
     * RFC 2661 §4.4.5, ...).
     */
    public LacSession startCall(long serial, String callingNumber, List<Avp> iccnAvps, long now) {
        clock = now;
        int id = byLocalId.size() + 1;
        LacSession s = new LacSession(this, id, serial, callingNumber, now, now + callSetupTimeout);
        s.iccnExtras = List.copyOf(iccnAvps);
        if (state != State.ESTABLISHED || id > MAX_SESSION_ID) {
            s.state = LacSession.State.CLOSED;
            listener.callFailed(
                    s,
                    id > MAX_SESSION_ID
                            ? Failure.of(Failure.Kind.LOCAL, "no session id left in the tunnel")
                            : Failure.tunnelDown(
                                    failure != null
                                            ? failure
                                            : Failure.of(Failure.Kind.LOCAL, "tunnel not established")));
            return s;
        }
        byLocalId.add(s);
        settingUp.add(s);
        List<Avp> avps = List.of(
                hidable(new AssignedSessionId(id)),
                hidable(new CallSerialNumber(serial)),
                Avp.of(new BearerType(BearerType.DIGITAL)),
                hidable(new CallingNumber(callingNumber)));
        send(0, ControlMessageType.ICRQ, avps, null, now);
        return s;
    }

    /**
     * Ends the tunnel from our side: with {@code callsFirst} a CDN for every call that is up, then a
     * StopCCN; reports {@link LacListener#teardownDone} when the StopCCN is acknowledged or after
     * the teardown timeout. A tunnel still in setup is abandoned (reported as down).
     */
    public void teardown(boolean callsFirst, long now) {
        clock = now;
        switch (state) {
            case IDLE, CLOSING, CLOSED -> {
                return;
            }
            case WAIT_SCCRP, WAIT_SCCCN_ACK -> {
                if (peerId != 0) sendStopccn(ResultCodes.STOPCCN_GENERAL_CLEAR, now, null);
                else channelActive = false;
                down(Failure.of(Failure.Kind.LOCAL, "stopped before the tunnel was up"));
                return;
            }
            case ESTABLISHED -> {}
        }
        state = State.CLOSING;
        teardownStartedAt = now;
        teardownDeadline = now + teardownTimeout;
        for (LacSession s : List.copyOf(settingUp)) {
            sendCdn(s, ResultCodes.CDN_ADMINISTRATIVE, now, null);
            closeCall(s);
            listener.callFailed(s, Failure.of(Failure.Kind.LOCAL, "aborted by teardown"));
        }
        if (callsFirst) {
            for (LacSession s : byLocalId) {
                if (s.state != LacSession.State.ESTABLISHED) continue;
                s.state = LacSession.State.CLOSING;
                establishedCalls--;
                cdnsSent++;
                sendCdn(s, ResultCodes.CDN_ADMINISTRATIVE, now, () -> {
                    cdnsAcked++;
                    s.state = LacSession.State.CLOSED;
                });
            }
        }
        sendStopccn(ResultCodes.STOPCCN_GENERAL_CLEAR, now, () -> {
            if (state == State.CLOSING) finishTeardown(true);
        });
    }

    /**
     * Ends one call from our side with a CDN carrying {@code result} (the subscriber hung up, its PPP
     * failed). The listener hears nothing: the caller reports the call's end itself.
     */
    public void disconnect(LacSession s, int result, long now) {
        clock = now;
        switch (s.state) {
            case ESTABLISHED -> establishedCalls--;
            case WAIT_ICRP, WAIT_ICCN_ACK -> {}
            case CLOSING, CLOSED -> {
                return;
            }
        }
        sendCdn(s, result, now, null);
        closeCall(s);
    }

    /**
     * The LNS sent a data message on a call whose ICCN we still wait to see acknowledged: it has the
     * ICCN, so the call is up now (its acknowledgement may lag behind a delayed ZLB, and a call whose
     * PPP is already talking must not time out or be aborted as "in setup").
     */
    public void confirmByData(LacSession s, long now) {
        clock = now;
        iccnAcknowledged(s);
    }

    /** Our call with this Assigned Session ID, or null. */
    public LacSession call(int localSessionId) {
        return byLocal(localSessionId);
    }

    // ---------------------------------------------------------------- queries

    public int localId() {
        return localId;
    }

    /** The LNS's Assigned Tunnel ID, 0 until its SCCRP. */
    public int peerId() {
        return peerId;
    }

    public State state() {
        return state;
    }

    /** Why the tunnel failed or went down, or null. */
    public Failure failure() {
        return failure;
    }

    public int establishedCalls() {
        return establishedCalls;
    }

    public int callsInSetup() {
        return settingUp.size();
    }

    public ReliableChannelStats channelStats() {
        return channel.stats();
    }

    /** Control messages (ZLBs included) received for this tunnel. */
    public long received() {
        return received;
    }

    /** Messages delivered that we had no use for (SLI, WEN, replies for calls already gone, ...). */
    public long ignored() {
        return ignored;
    }

    /** Messages addressed to another tunnel id; dropped. */
    public long wrongTunnel() {
        return wrongTunnel;
    }

    // ---------------------------------------------------------------- message handling

    private void deliver(ControlMessage m) {
        long now = clock;
        ControlMessageType type = m.type().orElse(null);
        if (type == null) {
            ignored++;
            return;
        }
        switch (type) {
            case SCCRP -> onSccrp(m, now);
            case StopCCN -> onStopccn(m);
            case ICRP -> onIcrp(m, now);
            case CDN -> onCdn(m);
            case HELLO -> {} // the reliable channel acknowledges it
            default -> ignored++;
        }
    }

    private void onSccrp(ControlMessage m, long now) {
        if (state != State.WAIT_SCCRP) {
            ignored++;
            return;
        }
        sccrpLatency = now - sccrqAt;
        AssignedTunnelId tid = m.find(AssignedTunnelId.class).orElse(null);
        if (tid == null || tid.id() == 0) {
            channelActive = false;
            down(Failure.of(Failure.Kind.PROTOCOL, "SCCRP without a usable Assigned Tunnel ID" + problem(m, 9)));
            return;
        }
        peerId = tid.id();
        channel.peerTunnelId(peerId);
        m.find(ReceiveWindowSize.class).ifPresent(r -> channel.peerReceiveWindow(r.size(), now));
        if (ourChallenge != null) {
            ChallengeResponse response = m.find(ChallengeResponse.class).orElse(null);
            if (response == null) {
                refuse("no Challenge Response in the SCCRP" + problem(m, 13), now);
                return;
            }
            if (!io.lns.l2tp.auth.ChallengeResponse.verify(
                    ControlMessageType.SCCRP,
                    config.secret().bytes(),
                    ourChallenge,
                    response.value().unsafeArray())) {
                refuse("the LNS's Challenge Response does not match (different secret?)", now);
                return;
            }
        }
        List<Avp> avps = new ArrayList<>(1);
        Challenge challenge = m.find(Challenge.class).orElse(null);
        if (challenge == null && problem(m, 11).length() > 0) {
            refuse("cannot read the LNS's Challenge" + problem(m, 11), now);
            return;
        }
        if (challenge != null) {
            if (config.secret() == null) {
                refuse("the LNS sent a Challenge and we have no secret", now);
                return;
            }
            byte[] digest = io.lns.l2tp.auth.ChallengeResponse.forScccn(
                    config.secret().bytes(), challenge.value().unsafeArray());
            avps.add(hidable(new ChallengeResponse(Octets.wrap(digest))));
        }
        state = State.WAIT_SCCCN_ACK;
        send(0, ControlMessageType.SCCCN, avps, this::scccnAcknowledged, now);
    }

    private void scccnAcknowledged() {
        if (state != State.WAIT_SCCCN_ACK) return;
        state = State.ESTABLISHED;
        setupDeadline = NEVER;
        helloDue = clock + helloInterval;
        listener.tunnelUp(this, sccrpLatency);
    }

    /** Tunnel authentication failed: StopCCN "not authorized" (§5.1.1) and down. */
    private void refuse(String why, long now) {
        sendStopccn(ResultCodes.STOPCCN_NOT_AUTHORIZED, now, null);
        down(Failure.of(Failure.Kind.AUTH, why));
    }

    private void onStopccn(ControlMessage m) {
        Failure f = Failure.fromPeer(
                ControlMessageType.StopCCN, m.find(ResultCode.class).orElse(null));
        if (state == State.CLOSED) return;
        if (state == State.CLOSING) {
            failure = f;
            finishTeardown(false);
            return;
        }
        down(f);
    }

    private void onIcrp(ControlMessage m, long now) {
        LacSession s = byLocal(m.header().sessionId());
        if (s == null || s.state != LacSession.State.WAIT_ICRP) {
            ignored++;
            return;
        }
        AssignedSessionId sid = m.find(AssignedSessionId.class).orElse(null);
        if (sid == null || sid.id() == 0) {
            sendCdn(s, ResultCodes.CDN_ERROR_CODE, now, null);
            closeCall(s);
            listener.callFailed(
                    s, Failure.of(Failure.Kind.PROTOCOL, "ICRP without a usable Assigned Session ID" + problem(m, 14)));
            return;
        }
        s.peerId = sid.id();
        byPeerId.put(s.peerId, s);
        s.state = LacSession.State.WAIT_ICCN_ACK;
        List<Avp> avps = new ArrayList<>(3 + s.iccnExtras.size());
        avps.add(hidable(new TxConnectSpeed(config.txConnectSpeed())));
        avps.add(Avp.of(new FramingType(FramingType.SYNC)));
        if (config.sequencingRequired()) avps.add(Avp.of(new SequencingRequired()));
        avps.addAll(s.iccnExtras);
        s.iccnSentAt = now;
        send(s.peerId, ControlMessageType.ICCN, avps, () -> iccnAcknowledged(s), now);
    }

    private void iccnAcknowledged(LacSession s) {
        if (s.state != LacSession.State.WAIT_ICCN_ACK) return;
        settingUp.remove(s);
        s.state = LacSession.State.ESTABLISHED;
        establishedCalls++;
        listener.callUp(s, clock - s.startedAt);
    }

    private void onCdn(ControlMessage m) {
        int sid = m.header().sessionId();
        LacSession s = sid != 0
                ? byLocal(sid)
                : m.find(AssignedSessionId.class).map(a -> byPeerId.get(a.id())).orElse(null);
        if (s == null || s.state == LacSession.State.CLOSED) {
            ignored++;
            return;
        }
        Failure f = Failure.fromPeer(
                ControlMessageType.CDN, m.find(ResultCode.class).orElse(null));
        LacSession.State before = s.state;
        if (before == LacSession.State.ESTABLISHED) establishedCalls--;
        closeCall(s);
        switch (before) {
            case WAIT_ICRP, WAIT_ICCN_ACK -> listener.callFailed(s, f);
            case ESTABLISHED -> listener.callDown(s, f);
            default -> {} // our own CDN crossed theirs
        }
    }

    // ---------------------------------------------------------------- state changes

    /** The tunnel failed or went down: every call goes with it. */
    private void down(Failure f) {
        State before = state;
        state = State.CLOSED;
        failure = f;
        setupDeadline = NEVER;
        helloDue = NEVER;
        Failure callFailure = Failure.tunnelDown(f);
        for (LacSession s : byLocalId) {
            LacSession.State was = s.state;
            if (was == LacSession.State.CLOSED) continue;
            if (was == LacSession.State.ESTABLISHED) establishedCalls--;
            closeCall(s);
            if (was == LacSession.State.ESTABLISHED) listener.callDown(s, callFailure);
            else if (was != LacSession.State.CLOSING) listener.callFailed(s, callFailure);
        }
        listener.tunnelDown(this, f, before == State.ESTABLISHED);
    }

    private void finishTeardown(boolean stopccnAcked) {
        state = State.CLOSED;
        teardownDeadline = NEVER;
        for (LacSession s : byLocalId) s.state = LacSession.State.CLOSED;
        listener.teardownDone(
                this, new LacListener.TeardownResult(cdnsSent, cdnsAcked, stopccnAcked, clock - teardownStartedAt));
    }

    private void closeCall(LacSession s) {
        s.state = LacSession.State.CLOSED;
        settingUp.remove(s);
        if (s.peerId != 0) byPeerId.remove(s.peerId);
    }

    // ---------------------------------------------------------------- sending

    private void sendCdn(LacSession s, int result, long now, Runnable onAck) {
        List<Avp> avps = List.of(Avp.of(ResultCode.of(result)), hidable(new AssignedSessionId(s.localId())));
        send(s.peerId, ControlMessageType.CDN, avps, onAck, now);
    }

    private void sendStopccn(int result, long now, Runnable onAck) {
        List<Avp> avps = List.of(hidable(new AssignedTunnelId(localId)), Avp.of(ResultCode.of(result)));
        send(0, ControlMessageType.StopCCN, avps, onAck, now);
    }

    private void send(int headerSessionId, ControlMessageType type, List<Avp> body, Runnable onAck, long now) {
        List<Avp> avps = new ArrayList<>(body.size() + 1);
        avps.add(Avp.of(MessageType.of(type)));
        avps.addAll(body);
        if (onAck != null) awaitingNs.put(watchKey(type, headerSessionId), onAck);
        channel.send(headerSessionId, avps, now);
    }

    /**
     * RFC 2661 lets most AVPs be hidden (§4.3, §4.4); we hide those that identify the tunnel, the
     * call and the subscriber, and never Message Type, Random Vector or Result Code.
     */
    private Avp hidable(AvpValue value) {
        return config.hideAvps() ? Avp.hidden(value) : Avp.of(value);
    }

    /** Runs what waited for the acknowledgement of every message before {@code nr}. */
    private void acknowledged(int nr) {
        if ((short) (nr - channel.ns()) > 0) return; // acknowledges what we never sent
        while (!watches.isEmpty() && (short) (nr - watches.peekFirst().ns()) > 0) {
            watches.pollFirst().onAck().run();
        }
    }

    private static long watchKey(ControlMessageType type, int headerSessionId) {
        return ((long) type.code() << 16) | headerSessionId;
    }

    private LacSession byLocal(int id) {
        return id >= 1 && id <= byLocalId.size() ? byLocalId.get(id - 1) : null;
    }

    /** " (why)" when the AVP of this type is present but could not be read, e.g. hidden. */
    private static String problem(ControlMessage m, int type) {
        for (Avp avp : m.avps()) {
            if (avp.vendorId() == 0 && avp.type() == type && avp.value() instanceof InvalidValue iv) {
                return " (" + (avp.hidden() ? "hidden, " : "") + iv.problem() + ": " + iv.detail() + ")";
            }
        }
        return "";
    }

    private static long nanos(Duration d) {
        return d.toNanos();
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    private final class ChannelSink implements ReliableChannel.Sink {
        @Override
        public void transmit(ControlMessage message) {
            boolean hides = false;
            if (!message.isZlb()) {
                if (!awaitingNs.isEmpty()) {
                    message.type().ifPresent(t -> {
                        Runnable onAck =
                                awaitingNs.remove(watchKey(t, message.header().sessionId()));
                        if (onAck != null)
                            watches.addLast(new Watch(message.header().ns(), onAck));
                    });
                }
                for (Avp avp : message.avps()) hides |= avp.hidden();
            }
            out.transmit(message, hides ? hiding : null);
        }

        @Override
        public void deliver(ControlMessage message) {
            LacTunnel.this.deliver(message);
        }

        @Override
        public void failed(String reason) {
            channelActive = false;
            if (state == State.CLOSING) {
                finishTeardown(false);
            } else if (state != State.CLOSED) {
                down(Failure.of(Failure.Kind.NO_ACK, reason));
            }
        }
    }
}
