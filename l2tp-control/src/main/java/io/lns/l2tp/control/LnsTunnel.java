package io.lns.l2tp.control;

import io.lns.config.AuthMode;
import io.lns.config.Durations;
import io.lns.config.TraceCategory;
import io.lns.l2tp.auth.ChallengeResponse;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.BearerType;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.CallManagementAvps.CalledNumber;
import io.lns.l2tp.avp.CallManagementAvps.CallingNumber;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.CallManagementAvps.MaximumBps;
import io.lns.l2tp.avp.CallManagementAvps.MinimumBps;
import io.lns.l2tp.avp.CallManagementAvps.RxConnectSpeed;
import io.lns.l2tp.avp.CallManagementAvps.SequencingRequired;
import io.lns.l2tp.avp.CallManagementAvps.TxConnectSpeed;
import io.lns.l2tp.avp.CallStatusAvps.Accm;
import io.lns.l2tp.avp.CallStatusAvps.CallErrors;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.BearerCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.Challenge;
import io.lns.l2tp.avp.ControlConnectionAvps.FirmwareRevision;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.ControlConnectionAvps.ReceiveWindowSize;
import io.lns.l2tp.avp.ControlConnectionAvps.VendorName;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.ResultCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * One tunnel at the LNS (RFC 2661 §7.2 control connection states, §7.4 incoming and §7.5
 * outgoing calls), Sans-IO: the owner passes every control message of this tunnel (as decoded,
 * hidden AVPs unrevealed) and clock ticks; {@link TunnelEvents} gets what to send and what
 * happened. Ordering, acknowledgement and retransmission are the {@link ReliableChannel}'s.
 *
 * <p>A peer that acknowledges our SCCRP but never sends its SCCCN, or our ICRP but never sends the
 * ICCN, would hold a tunnel or a session (and its admission slot, kernel session and fds) for ever:
 * the channel is healthy, so nothing else ends them. {@link TunnelSettings#setupTimeout()} does.
 */
public final class LnsTunnel {

    /** Control connection states (§7.2), LNS side. */
    public enum State {
        IDLE,
        WAIT_CTL_CONN,
        ESTABLISHED,
        /** StopCCN sent or received; kept to retransmit or re-acknowledge it. */
        CLOSING,
        CLOSED
    }

    private static final L2tpPacketDecoder DECODER = L2tpPacketDecoder.standard();
    private static final int CHALLENGE_LENGTH = 16;

    private final int localId;
    private final TunnelSettings settings;
    private final TunnelEvents events;
    private final Random random;
    private final ReliableChannel channel;
    private final HidingKey hidingKey;
    private final Map<Integer, LnsSession> sessions = new HashMap<>();
    /**
     * Calls not yet connected, oldest first: they share one timeout, so the first has the earliest
     * deadline and a tick looks at no other.
     */
    private final LinkedHashSet<LnsSession> settingUp = new LinkedHashSet<>();

    private final TunnelStats stats = new TunnelStats();

    private volatile State state = State.IDLE;
    private int peerId;
    private String peerHostName = "";
    private byte[] ourChallenge;
    private long lastHeard;
    private long lastHello;
    private long controlSetupDeadline = ReliableChannel.NEVER;
    private long closeAt = ReliableChannel.NEVER;
    private String closeReason = "";

    public LnsTunnel(int localId, TunnelSettings settings, TunnelEvents events, Random random, long now) {
        this.localId = localId;
        this.settings = settings;
        this.events = events;
        this.random = random;
        this.hidingKey = settings.secret() == null ? null : new HidingKey(settings.secret(), random);
        this.channel = new ReliableChannel(settings.channel(), new ChannelSink());
        this.lastHeard = now;
        this.lastHello = now;
    }

    /** A control message for this tunnel (tunnel id {@link #localId()}, or 0 for its SCCRQ). */
    public void onMessage(ControlMessage message, long now) {
        if (state == State.CLOSED) return;
        lastHeard = now;
        ControlMessage revealed = settings.secret() == null ? message : DECODER.reveal(message, settings.secret());
        channel.onReceive(revealed, now);
        finishIfDone(now);
    }

    public void onTick(long now) {
        if (state == State.CLOSED) return;
        channel.onTick(now);
        if (state == State.CLOSED) return;
        if (state == State.CLOSING
                && (now >= closeAt || (closeAt == ReliableChannel.NEVER && channel.backlog() == 0))) {
            finish(closeReason);
            return;
        }
        if (now >= setupDeadline()) {
            expireSetups(now);
            if (state != State.ESTABLISHED) return;
        }
        long helloDue = helloDue();
        if (now >= helloDue) {
            lastHello = now;
            stats.hellosSent++;
            channel.send(0, List.of(type(ControlMessageType.HELLO)), now);
        }
    }

    /** When {@link #onTick} next has work, or {@link ReliableChannel#NEVER}. */
    public long nextWakeup() {
        if (state == State.CLOSED) return ReliableChannel.NEVER;
        long next = Math.min(Math.min(channel.nextWakeup(), helloDue()), setupDeadline());
        if (state == State.CLOSING) next = Math.min(next, closeAt);
        return next;
    }

    /**
     * Ends the tunnel with a StopCCN (administrative close, shutdown); a tunnel the peer already
     * closed ends at once.
     */
    public void close(Refusal why, long now) {
        if (state == State.CLOSING && closeAt != ReliableChannel.NEVER) {
            // Holding after the peer's StopCCN (§5.7) only to re-acknowledge it: not worth a wait.
            finish(closeReason);
            return;
        }
        if (state == State.CLOSING || state == State.CLOSED) return;
        sendStopCcn(why, now);
    }

    /** Ends one session with a CDN. */
    public void disconnect(int localSessionId, Refusal why, long now) {
        LnsSession s = sessions.get(localSessionId);
        if (s == null || state != State.ESTABLISHED) return;
        sendCdn(s.localId(), s.peerId(), why, now);
        endSession(s, "disconnected by LNS: " + why);
    }

    /**
     * Places an outgoing call (OCRQ, §7.5.1) to {@code calledNumber}; returns the new session, or
     * empty when the tunnel is not established.
     */
    public Optional<LnsSession> placeCall(String calledNumber, long now) {
        if (state != State.ESTABLISHED) return Optional.empty();
        int id = allocateSessionId();
        LnsSession s = new LnsSession(id, 0, false, LnsSession.State.WAIT_REPLY, now);
        s.call(random.nextInt() & 0xFFFF_FFFFL, "", calledNumber);
        sessions.put(id, s);
        settingUp.add(s);
        channel.send(
                0,
                List.of(
                        type(ControlMessageType.OCRQ),
                        maybeHidden(new AssignedSessionId(id)),
                        Avp.of(new CallSerialNumber(s.callSerial())),
                        Avp.of(new MinimumBps(0)),
                        Avp.of(new MaximumBps(0xFFFF_FFFFL)),
                        Avp.of(new BearerType(BearerType.DIGITAL | BearerType.ANALOG)),
                        Avp.of(new FramingType(FramingType.SYNC)),
                        Avp.of(new CalledNumber(calledNumber))),
                now);
        return Optional.of(s);
    }

    private final class ChannelSink implements ReliableChannel.Sink {
        @Override
        public void transmit(ControlMessage message) {
            stats.countSent(message);
            traceMessage("TX", message);
            events.transmit(LnsTunnel.this, message);
        }

        @Override
        public void deliver(ControlMessage message) {
            stats.countReceived(message);
            traceMessage("RX", message);
            handle(message, lastHeard);
        }

        @Override
        public void failed(String reason) {
            finish("peer not responding: " + reason);
        }
    }

    private void handle(ControlMessage m, long now) {
        ControlMessageType type = m.type().orElse(null);
        if (type == null) {
            stats.illegal++;
            boolean mandatory = !m.avps().isEmpty() && m.avps().get(0).mandatory();
            // §3.2: an unknown message type with the M bit set clears the control connection.
            if (mandatory && state != State.CLOSING) {
                sendStopCcn(new Refusal(2, ResultCodes.ERROR_BAD_VALUE, "unknown mandatory message type"), now);
            }
            return;
        }
        if (type == ControlMessageType.StopCCN) {
            onStopCcn(m, now);
            return;
        }
        if (state == State.CLOSING) return;
        if (state == State.IDLE && type == ControlMessageType.SCCRQ) {
            // Address any refusal to the peer's tunnel id, not to 0.
            m.find(AssignedTunnelId.class).ifPresent(t -> channel.peerTunnelId(peerId = t.id()));
        }
        Optional<Refusal> bad = AvpPolicy.check(m);
        if (bad.isPresent()) {
            stats.illegal++;
            LnsSession s = sessions.get(m.header().sessionId());
            if (type.sessionScoped() && state == State.ESTABLISHED && type != ControlMessageType.ICRQ && s != null) {
                sendCdn(s.localId(), s.peerId(), bad.get(), now);
                endSession(s, "bad " + type + ": " + bad.get());
            } else if (type == ControlMessageType.ICRQ && state == State.ESTABLISHED) {
                int peerSession = m.find(AssignedSessionId.class)
                        .map(AssignedSessionId::id)
                        .orElse(0);
                stats.sessionSetupFailures++;
                sendCdn(0, peerSession, bad.get(), now);
            } else {
                sendStopCcn(bad.get(), now);
            }
            return;
        }
        switch (state) {
            case IDLE -> {
                if (type == ControlMessageType.SCCRQ) onSccrq(m, now);
                else fsmError(type, now);
            }
            case WAIT_CTL_CONN -> {
                if (type == ControlMessageType.SCCCN) onScccn(m, now);
                else fsmError(type, now);
            }
            case ESTABLISHED -> onEstablished(type, m, now);
            default -> {}
        }
    }

    private void onSccrq(ControlMessage m, long now) {
        peerId = m.find(AssignedTunnelId.class).orElseThrow().id();
        peerHostName = m.find(HostName.class).orElseThrow().name();
        channel.peerTunnelId(peerId);
        m.find(ReceiveWindowSize.class).ifPresent(rws -> channel.peerReceiveWindow(rws.size(), now));
        if (peerId == 0) {
            sendStopCcn(new Refusal(2, ResultCodes.ERROR_BAD_VALUE, "Assigned Tunnel ID 0"), now);
            return;
        }
        ProtocolVersion version = m.find(ProtocolVersion.class).orElseThrow();
        if (version.version() != 1 || version.revision() != 0) {
            sendStopCcn(new Refusal(ResultCodes.STOPCCN_BAD_PROTOCOL_VERSION, 0x0100, ""), now);
            return;
        }
        if (settings.authMode() != AuthMode.NONE && !settings.peerProfileMatched()) {
            stats.authFailures++;
            sendStopCcn(new Refusal(ResultCodes.STOPCCN_NOT_AUTHORIZED, -1, "no peer profile for this peer"), now);
            return;
        }
        Optional<Challenge> theirChallenge = m.find(Challenge.class);
        if (theirChallenge.isPresent() && settings.secret() == null) {
            stats.authFailures++;
            sendStopCcn(new Refusal(ResultCodes.STOPCCN_NOT_AUTHORIZED, -1, "challenge without a tunnel secret"), now);
            return;
        }
        if (settings.authMode() == AuthMode.CHALLENGE && settings.secret() == null) {
            stats.authFailures++;
            sendStopCcn(new Refusal(ResultCodes.STOPCCN_NOT_AUTHORIZED, -1, "challenge mode without a secret"), now);
            return;
        }
        List<Avp> avps = new ArrayList<>(12);
        avps.add(type(ControlMessageType.SCCRP));
        avps.add(Avp.of(ProtocolVersion.RFC2661));
        avps.add(Avp.of(new FramingCapabilities(FramingCapabilities.SYNC | FramingCapabilities.ASYNC)));
        avps.add(Avp.of(new BearerCapabilities(BearerCapabilities.DIGITAL | BearerCapabilities.ANALOG)));
        avps.add(Avp.of(new FirmwareRevision(TunnelSettings.FIRMWARE_REVISION)));
        avps.add(Avp.of(new HostName(settings.hostName())));
        avps.add(Avp.of(new VendorName(TunnelSettings.VENDOR_NAME)));
        // Not hidden for xl2tpd (hideAvpsInSccrp false): it parses an SCCRP with an empty secret, and
        // loads the real one for later messages only because the Challenge below asks it to.
        avps.add(
                settings.hideAvpsInSccrp()
                        ? maybeHidden(new AssignedTunnelId(localId))
                        : Avp.of(new AssignedTunnelId(localId)));
        avps.add(Avp.of(new ReceiveWindowSize(settings.channel().receiveWindow())));
        if (settings.secret() != null) {
            ourChallenge = new byte[CHALLENGE_LENGTH];
            random.nextBytes(ourChallenge);
            avps.add(Avp.of(new Challenge(Octets.of(ourChallenge))));
        }
        theirChallenge.ifPresent(c -> avps.add(
                Avp.of(new io.lns.l2tp.avp.ControlConnectionAvps.ChallengeResponse(Octets.of(ChallengeResponse.forSccrp(
                        settings.secret().bytes(), c.value().toByteArray()))))));
        moveTo(State.WAIT_CTL_CONN, "SCCRP sent");
        if (settings.setupTimeout() > 0) controlSetupDeadline = now + settings.setupTimeout();
        channel.send(0, avps, now);
    }

    private void onScccn(ControlMessage m, long now) {
        if (ourChallenge != null) {
            var response = m.find(io.lns.l2tp.avp.ControlConnectionAvps.ChallengeResponse.class);
            if (response.isEmpty()
                    || !ChallengeResponse.verify(
                            ControlMessageType.SCCCN,
                            settings.secret().bytes(),
                            ourChallenge,
                            response.get().value().toByteArray())) {
                stats.authFailures++;
                sendStopCcn(new Refusal(ResultCodes.STOPCCN_NOT_AUTHORIZED, -1, "challenge response mismatch"), now);
                return;
            }
        }
        moveTo(State.ESTABLISHED, "SCCCN received");
        controlSetupDeadline = ReliableChannel.NEVER;
        events.tunnelEstablished(this);
    }

    private void onEstablished(ControlMessageType type, ControlMessage m, long now) {
        int sid = m.header().sessionId();
        LnsSession s = sessions.get(sid);
        switch (type) {
            case HELLO -> {}
            case ICRQ -> onIcrq(m, now);
            case ICCN -> callConnected(s, LnsSession.State.WAIT_CONNECT, m, proxyAvps(m), now);
            case OCRP -> {
                if (s == null || s.state() != LnsSession.State.WAIT_REPLY) {
                    sessionFsmError(s, m, now);
                    return;
                }
                s.peerId(m.find(AssignedSessionId.class).orElseThrow().id());
                s.state(LnsSession.State.WAIT_CS_ANSWER);
            }
            case OCCN -> callConnected(s, LnsSession.State.WAIT_CS_ANSWER, m, List.of(), now);
            case CDN -> {
                if (s != null) {
                    String why = m.find(ResultCode.class).map(r -> "CDN " + r).orElse("CDN");
                    endSession(s, "disconnected by LAC: " + why);
                }
            }
            case WEN -> {
                if (s != null) m.find(CallErrors.class).ifPresent(s::callErrors);
            }
            case SLI -> {
                if (s != null) m.find(Accm.class).ifPresent(s::accm);
            }
            case SCCRQ, SCCRP, SCCCN -> fsmError(type, now);
            default -> stats.illegal++;
        }
    }

    /** ICCN (§7.4.2) or OCCN (§7.5.1): the call is up, if it was waiting for exactly this. */
    private void callConnected(LnsSession s, LnsSession.State expected, ControlMessage m, List<Avp> proxy, long now) {
        if (s == null || s.state() != expected) {
            sessionFsmError(s, m, now);
            return;
        }
        settingUp.remove(s);
        s.connected(
                m.find(TxConnectSpeed.class).map(TxConnectSpeed::bps).orElse(0L),
                m.find(RxConnectSpeed.class).map(RxConnectSpeed::bps).orElse(0L),
                m.find(SequencingRequired.class).isPresent(),
                proxy,
                now);
        events.sessionEstablished(this, s);
    }

    private void onIcrq(ControlMessage m, long now) {
        int peerSession = m.find(AssignedSessionId.class).orElseThrow().id();
        Refusal refusal = null;
        if (peerSession == 0) {
            refusal = new Refusal(ResultCodes.CDN_ERROR_CODE, ResultCodes.ERROR_BAD_VALUE, "Assigned Session ID 0");
        } else if (settings.maxSessions() > 0 && sessions.size() >= settings.maxSessions()) {
            refusal = new Refusal(ResultCodes.CDN_ERROR_CODE, ResultCodes.ERROR_NO_RESOURCES, "tunnel session limit");
        } else {
            refusal = events.admitSession(this).orElse(null);
        }
        if (refusal != null) {
            stats.sessionSetupFailures++;
            sendCdn(0, peerSession, refusal, now);
            return;
        }
        int id = allocateSessionId();
        LnsSession s = new LnsSession(id, peerSession, true, LnsSession.State.WAIT_CONNECT, now);
        s.call(
                m.find(CallSerialNumber.class).orElseThrow().serial(),
                m.find(CallingNumber.class).map(CallingNumber::number).orElse(""),
                m.find(CalledNumber.class).map(CalledNumber::number).orElse(""));
        sessions.put(id, s);
        settingUp.add(s);
        events.sessionCreated(this, s);
        channel.send(peerSession, List.of(type(ControlMessageType.ICRP), maybeHidden(new AssignedSessionId(id))), now);
    }

    private void onStopCcn(ControlMessage m, long now) {
        String why = m.find(ResultCode.class).map(r -> "StopCCN " + r).orElse("StopCCN");
        if (state == State.CLOSING) {
            // Both ends closing at once: theirs acknowledges ours well enough.
            closeAt = Math.min(closeAt, now + holdTime());
            return;
        }
        closeAllSessions("tunnel closed by peer");
        moveTo(State.CLOSING, "StopCCN received");
        closeReason = "closed by peer: " + why;
        // §5.7: keep the tunnel for a retransmission cycle to re-acknowledge a repeated StopCCN.
        closeAt = now + holdTime();
    }

    private void fsmError(ControlMessageType type, long now) {
        stats.illegal++;
        sendStopCcn(new Refusal(ResultCodes.STOPCCN_FSM_ERROR, -1, type + " in state " + state), now);
    }

    private void sessionFsmError(LnsSession s, ControlMessage m, long now) {
        stats.illegal++;
        ControlMessageType type = m.type().orElseThrow();
        if (s == null) {
            sendCdn(
                    0,
                    0,
                    new Refusal(
                            ResultCodes.CDN_ERROR_CODE,
                            ResultCodes.ERROR_BAD_SESSION_ID,
                            type + " for unknown session " + m.header().sessionId()),
                    now);
            return;
        }
        sendCdn(
                s.localId(),
                s.peerId(),
                new Refusal(ResultCodes.CDN_ERROR_CODE, ResultCodes.ERROR_BAD_VALUE, type + " in " + s.state()),
                now);
        endSession(s, "session state error");
    }

    private void sendStopCcn(Refusal why, long now) {
        closeAllSessions("tunnel closed: " + why);
        channel.send(
                0,
                List.of(
                        type(ControlMessageType.StopCCN),
                        Avp.of(new AssignedTunnelId(localId)),
                        Avp.of(why.toAvpValue())),
                now);
        moveTo(State.CLOSING, "StopCCN sent: " + why);
        closeReason = "closed by LNS: " + why;
        closeAt = ReliableChannel.NEVER; // until the StopCCN is acknowledged or retries run out
    }

    private void sendCdn(int localSession, int peerSession, Refusal why, long now) {
        channel.send(
                peerSession,
                List.of(
                        type(ControlMessageType.CDN),
                        Avp.of(why.toAvpValue()),
                        maybeHidden(new AssignedSessionId(localSession))),
                now);
    }

    private void endSession(LnsSession s, String reason) {
        if (sessions.remove(s.localId()) == null) return;
        settingUp.remove(s);
        s.state(LnsSession.State.CLOSED);
        events.sessionClosed(this, s, reason);
    }

    private void closeAllSessions(String reason) {
        for (LnsSession s : new ArrayList<>(sessions.values())) endSession(s, reason);
    }

    private void finish(String reason) {
        if (state == State.CLOSED) return;
        closeAllSessions(reason);
        moveTo(State.CLOSED, reason);
        events.tunnelClosed(this, reason);
    }

    /** A closing tunnel ends when its StopCCN is acknowledged, or its hold time is over. */
    private boolean finishIfDone(long now) {
        if (state == State.CLOSING
                && (now >= closeAt || (closeAt == ReliableChannel.NEVER && channel.backlog() == 0))) {
            finish(closeReason);
        }
        return state == State.CLOSED;
    }

    private void traceMessage(String direction, ControlMessage m) {
        int mask = settings.traceMask();
        if ((mask
                        & (TraceCategory.PROTOCOL.bit()
                                | TraceCategory.AVP.bit()
                                | TraceCategory.AVP_DATA.bit()
                                | TraceCategory.AVP_HIDE.bit()))
                == 0) return;
        ControlMessageType type = m.type().orElse(null);
        if ((mask & TraceCategory.PROTOCOL.bit()) != 0) {
            events.trace(
                    this,
                    TraceCategory.PROTOCOL.bit(),
                    String.format(
                            "%s %s session %d Ns %d Nr %d",
                            direction,
                            m.isZlb() ? "ZLB" : String.valueOf(type),
                            m.header().sessionId(),
                            m.header().ns(),
                            m.header().nr()));
        }
        for (Avp avp : m.avps()) {
            String name = io.lns.l2tp.avp.AvpDictionary.standard().name(avp.vendorId(), avp.type());
            if ((mask & TraceCategory.AVP_DATA.bit()) != 0) {
                events.trace(
                        this,
                        TraceCategory.AVP_DATA.bit(),
                        direction + " " + io.lns.l2tp.format.AvpFormatter.describe(avp, name, type));
            } else if ((mask & TraceCategory.AVP.bit()) != 0) {
                events.trace(this, TraceCategory.AVP.bit(), direction + " " + name + (avp.mandatory() ? " [M]" : ""));
            }
            if (avp.hidden() && (mask & TraceCategory.AVP_HIDE.bit()) != 0) {
                events.trace(
                        this,
                        TraceCategory.AVP_HIDE.bit(),
                        direction + " " + name + " hidden"
                                + (avp.decoded()
                                        ? ""
                                        : ": " + io.lns.l2tp.format.AvpFormatter.text(avp.value(), type)));
            }
        }
    }

    private void moveTo(State next, String why) {
        if ((settings.traceMask() & TraceCategory.FSM.bit()) != 0) {
            events.trace(this, TraceCategory.FSM.bit(), "tunnel " + state + " -> " + next + " (" + why + ")");
        }
        state = next;
    }

    /** When the oldest setup under way (the tunnel's own, or a call's) runs out of time. */
    private long setupDeadline() {
        if (state == State.WAIT_CTL_CONN) return controlSetupDeadline;
        if (state != State.ESTABLISHED || settingUp.isEmpty() || settings.setupTimeout() <= 0) {
            return ReliableChannel.NEVER;
        }
        return settingUp.getFirst().createdAt() + settings.setupTimeout();
    }

    /**
     * Clears what waited too long: the tunnel with a StopCCN when its SCCCN never came, otherwise
     * each call whose ICCN (OCRP, OCCN) never came with a CDN, result 10 (§4.4.2: "not established
     * within time allotted by LAC"; the nearest code RFC 2661 has for an LNS that gave up waiting).
     */
    private void expireSetups(long now) {
        String waited = Durations.format(Duration.ofNanos(settings.setupTimeout()));
        if (state == State.WAIT_CTL_CONN) {
            sendStopCcn(new Refusal(ResultCodes.STOPCCN_GENERAL_CLEAR, -1, "no SCCCN within " + waited), now);
            return;
        }
        while (!settingUp.isEmpty() && settingUp.getFirst().createdAt() + settings.setupTimeout() <= now) {
            LnsSession s = settingUp.getFirst();
            String missing = switch (s.state()) {
                case WAIT_REPLY -> "OCRP";
                case WAIT_CS_ANSWER -> "OCCN";
                default -> "ICCN";
            };
            stats.sessionSetupFailures++;
            Refusal why = new Refusal(ResultCodes.CDN_TIMEOUT, -1, "no " + missing + " within " + waited);
            sendCdn(s.localId(), s.peerId(), why, now);
            endSession(s, "setup timed out: " + why.message());
        }
    }

    private long helloDue() {
        if (state != State.ESTABLISHED || settings.helloInterval() <= 0) return ReliableChannel.NEVER;
        return Math.max(lastHeard, lastHello) + settings.helloInterval();
    }

    /** One full retransmission cycle (§5.7): what the peer may spend retransmitting its StopCCN. */
    private long holdTime() {
        ReliableChannelConfig c = settings.channel();
        long total = 0;
        long t = c.retransmitInitial();
        for (int i = 0; i <= c.maxRetries(); i++) {
            total += t;
            t = Math.min(t * 2, c.retransmitCap());
        }
        return total;
    }

    private int allocateSessionId() {
        while (true) {
            int id = 1 + random.nextInt(0xFFFF);
            if (!sessions.containsKey(id)) return id;
        }
    }

    private Avp maybeHidden(io.lns.l2tp.avp.AvpValue v) {
        return settings.hideAvps() && hidingKey != null ? Avp.hidden(v) : Avp.of(v);
    }

    private static Avp type(ControlMessageType t) {
        return Avp.of(MessageType.of(t));
    }

    private static List<Avp> proxyAvps(ControlMessage m) {
        List<Avp> out = new ArrayList<>();
        for (Avp a : m.avps()) {
            if (a.vendorId() == 0 && a.type() >= 26 && a.type() <= 33) out.add(a);
        }
        return out;
    }

    public int localId() {
        return localId;
    }

    /** The peer's tunnel id (0 until its SCCRQ is handled). */
    public int peerId() {
        return peerId;
    }

    public String peerHostName() {
        return peerHostName;
    }

    public State state() {
        return state;
    }

    public TunnelSettings settings() {
        return settings;
    }

    /** For encoding what this tunnel sends (hidden AVPs), or null without a secret. */
    public HidingKey hidingKey() {
        return hidingKey;
    }

    public Collection<LnsSession> sessions() {
        return Collections.unmodifiableCollection(sessions.values());
    }

    public LnsSession session(int localSessionId) {
        return sessions.get(localSessionId);
    }

    public ReliableChannel channel() {
        return channel;
    }

    public TunnelStats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return "tunnel " + localId + "/" + peerId + " " + state;
    }
}
