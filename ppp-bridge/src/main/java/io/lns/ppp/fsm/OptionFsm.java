package io.lns.ppp.fsm;

import static io.lns.ppp.fsm.State.*;

import io.lns.ppp.frame.ConfigOption;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppDecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The RFC 1661 §4 option-negotiation automaton, written once and shared by LCP, IPCP and IPv6CP.
 * Options are {@link OptionHandler}s registered in the order they appear in our Configure-Request.
 * Sans-IO: every event takes the caller's {@code now} (nanoseconds) and output goes to a {@link FsmSink}.
 */
public final class OptionFsm {
    private final String name;
    private final int protocol;
    private final FsmSink sink;
    private final FsmConfig config;
    /**
     * In registration order. An array, not a map: a handful of options per protocol, looked up by a
     * short scan, and a map's entries cost ~800 bytes a session at 100k sessions (measured).
     */
    private OptionHandler[] handlers = new OptionHandler[0];

    private ExtensionCodes extension = ExtensionCodes.NONE;
    private IntFunction<String> optionNames = Integer::toString;

    private State state = INITIAL;
    private int restartCounter;
    private int failureCounter;
    private int nextId = 1;
    private int requestId = -1;
    private byte[] requestData = new byte[0];
    /** Our last request was acknowledged: a copy of that Ack is a duplicate, not news. */
    private boolean requestAcked;
    /** The peer's request we acknowledged last (its identifier, -1 for none, and options). */
    private int ackedPeerId = -1;

    private byte[] ackedPeerData = new byte[0];
    private int terminateId;
    private int codeRejectId;
    private long timerDeadline = Long.MAX_VALUE;
    private String reason = "";

    public OptionFsm(String name, int protocol, FsmConfig config, FsmSink sink) {
        this.name = name;
        this.protocol = protocol;
        this.config = config;
        this.sink = sink;
    }

    public OptionFsm register(OptionHandler handler) {
        if (handler(handler.type()) != null) {
            throw new IllegalArgumentException(name + ": option " + handler.type() + " registered twice");
        }
        handlers = java.util.Arrays.copyOf(handlers, handlers.length + 1);
        handlers[handlers.length - 1] = handler;
        return this;
    }

    private OptionHandler handler(int type) {
        for (OptionHandler h : handlers) if (h.type() == type) return h;
        return null;
    }

    public void extension(ExtensionCodes extension) {
        this.extension = extension;
    }

    /** How options are named in reasons, e.g. {@code 17 -> "17 (MRRU)"}. */
    public void optionNames(IntFunction<String> optionNames) {
        this.optionNames = optionNames;
    }

    public State state() {
        return state;
    }

    public String name() {
        return name;
    }

    public int protocol() {
        return protocol;
    }

    /** The deadline the restart timer runs to, or {@code Long.MAX_VALUE}. */
    public long timerDeadline() {
        return timerDeadline;
    }

    // ---- administrative and lower-layer events (RFC 1661 §4.3) ----

    public void up(long now) {
        switch (state) {
            case INITIAL -> state = CLOSED;
            case STARTING -> {
                irc();
                scr(now);
                state = REQ_SENT;
            }
            default -> {}
        }
    }

    public void down(long now) {
        switch (state) {
            case CLOSED, CLOSING -> {
                stopTimer();
                state = INITIAL;
            }
            case STOPPED -> {
                state = STARTING;
                tls();
            }
            case STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> {
                stopTimer();
                state = STARTING;
            }
            case OPENED -> {
                state = STARTING;
                sink.layerDown("lower layer down");
            }
            default -> {}
        }
    }

    public void open(long now) {
        switch (state) {
            case INITIAL -> {
                state = STARTING;
                tls();
            }
            case CLOSED -> {
                irc();
                scr(now);
                state = REQ_SENT;
            }
            case CLOSING -> state = STOPPING;
            default -> {}
        }
    }

    public void close(long now, String why) {
        reason = why;
        switch (state) {
            case STARTING -> {
                state = INITIAL;
                sink.layerFinished(why);
            }
            case STOPPED -> state = CLOSED;
            case STOPPING -> state = CLOSING;
            case REQ_SENT, ACK_RCVD, ACK_SENT -> {
                state = CLOSING;
                irc();
                str(now);
            }
            case OPENED -> {
                state = CLOSING;
                sink.layerDown(why);
                irc();
                str(now);
            }
            default -> {}
        }
    }

    /** Drives the restart timer: fires TO+ or TO- once {@code now} reaches the deadline. */
    public void tick(long now) {
        if (now < timerDeadline) {
            return;
        }
        timerDeadline = Long.MAX_VALUE;
        if (restartCounter > 0) {
            switch (state) {
                case CLOSING, STOPPING -> str(now);
                case REQ_SENT, ACK_RCVD -> {
                    scr(now, true);
                    state = REQ_SENT;
                }
                case ACK_SENT -> scr(now, true);
                default -> {}
            }
        } else {
            switch (state) {
                case CLOSING -> finish(CLOSED, "no Terminate-Ack");
                case STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT ->
                    finish(STOPPED, state == STOPPING ? "no Terminate-Ack" : "no answer to Configure-Request");
                default -> {}
            }
        }
    }

    // ---- receive ----

    /** A packet of this protocol arrived. Malformed packets are silently discarded (RFC 1661 §5). */
    public void receive(ControlPacket packet, long now) {
        if (state == INITIAL || state == STARTING) {
            return; // no lower layer: not possible per §4.1, ignore
        }
        try {
            switch (packet.code()) {
                case ControlPacket.CONFIGURE_REQUEST -> receiveConfigureRequest(packet, now);
                case ControlPacket.CONFIGURE_ACK -> receiveConfigureAck(packet, now);
                case ControlPacket.CONFIGURE_NAK, ControlPacket.CONFIGURE_REJECT -> receiveNakOrReject(packet, now);
                case ControlPacket.TERMINATE_REQUEST -> rtr(packet, now);
                case ControlPacket.TERMINATE_ACK -> rta(packet, now);
                case ControlPacket.CODE_REJECT -> {
                    byte[] d = packet.data();
                    int rejected = d.length > 0 ? d[0] & 0xFF : 0;
                    if (rejected >= 1 && rejected <= 7) {
                        rxjMinus(now, "peer rejected code " + rejected);
                    }
                }
                default -> {
                    switch (extension.receive(packet, state, now)) {
                        case RUC -> scj(packet);
                        case RXJ_MINUS -> rxjMinus(now, "catastrophic reject from peer");
                        case RXR, RXJ_PLUS -> {}
                    }
                }
            }
        } catch (PppDecodeException e) {
            sink.discarded(packet, e.getMessage()); // invalid packet: silently discarded
        }
    }

    // ---- an agreement made elsewhere (proxy LCP, RFC 2661 §4.4.5) ----

    /**
     * Enters Opened from Initial with an agreement negotiated by someone else, sending nothing:
     * {@code ourOptions} count as our Configure-Request acknowledged by the peer, {@code peerOptions}
     * as the peer's request acknowledged by us — as if open, up and a full exchange had happened. The
     * peer's options are judged by our handlers first: unless every one would be acknowledged as it
     * stands (and none we require is missing), nothing changes and the reason is returned.
     */
    public Optional<String> adopt(byte[] ourOptions, byte[] peerOptions, long now) {
        if (state != INITIAL) {
            throw new IllegalStateException(name + " adopts an agreement only in Initial, not " + state);
        }
        List<ConfigOption> ours;
        List<ConfigOption> peers;
        try {
            ours = ConfigOption.decodeAll(ourOptions);
            peers = ConfigOption.decodeAll(peerOptions);
        } catch (PppDecodeException e) {
            return Optional.of("malformed options: " + e.getMessage());
        }
        for (ConfigOption o : ours) {
            if (handler(o.type()) == null) {
                return Optional.of("our option " + optionNames.apply(o.type()) + " is unknown to " + name);
            }
        }
        resetHandlers();
        for (ConfigOption o : ours) {
            handler(o.type()).adopt(o.value()); // first: the peer's magic number is judged against ours
        }
        Optional<String> refusal = refusalOf(peers);
        if (refusal.isPresent()) {
            return refusal;
        }
        for (ConfigOption o : peers) {
            handler(o.type()).peerAcked(o.value());
        }
        requestData = ourOptions.clone();
        sink.layerStarted();
        state = OPENED;
        irc();
        stopTimer();
        sink.layerUp();
        return Optional.empty();
    }

    /** Why our handlers would not acknowledge {@code options} as a peer's Configure-Request, if so. */
    private Optional<String> refusalOf(List<ConfigOption> options) {
        for (ConfigOption o : options) {
            OptionHandler h = handler(o.type());
            OptionVerdict v = h == null ? OptionVerdict.REJECT : h.check(o.value());
            switch (v) {
                case OptionVerdict.Reject r -> {
                    return Optional.of("the peer's option " + optionNames.apply(o.type()) + " would be rejected");
                }
                case OptionVerdict.Nak n -> {
                    return Optional.of("the peer's option " + optionNames.apply(o.type()) + " would be Nak'ed");
                }
                case OptionVerdict.Ack a -> {}
            }
        }
        List<Integer> present = options.stream().map(ConfigOption::type).toList();
        for (OptionHandler h : handlers) {
            if (!present.contains(h.type()) && h.requireFromPeer().isPresent()) {
                return Optional.of("the peer left out option " + optionNames.apply(h.type()));
            }
        }
        return Optional.empty();
    }

    /** RXJ-: a reject that means the layer cannot go on (e.g. Protocol-Reject of LCP itself). */
    public void rxjMinus(long now, String why) {
        reason = why;
        switch (state) {
            case CLOSED, CLOSING -> finish(CLOSED, why);
            case STOPPED, STOPPING, REQ_SENT, ACK_RCVD, ACK_SENT -> finish(STOPPED, why);
            case OPENED -> {
                state = STOPPING;
                sink.layerDown(why);
                irc();
                str(now);
            }
            default -> {}
        }
    }

    private void receiveConfigureRequest(ControlPacket packet, long now) {
        if (state == CLOSING || state == STOPPING) {
            return;
        }
        if (state == OPENED && packet.identifier() == ackedPeerId && Arrays.equals(packet.data(), ackedPeerData)) {
            // A retransmission of the request we acknowledged, crossing our Ack on a slow link (the
            // identifier changes once a request is answered, §5.1): acknowledge it again rather than
            // renegotiate a link that just opened. A peer that had our first Ack ignores the copy.
            send(ControlPacket.CONFIGURE_ACK, packet.identifier(), packet.data());
            return;
        }
        if (state == CLOSED) {
            sta(packet.identifier());
            return;
        }
        List<ConfigOption> options = ConfigOption.decodeAll(packet.data());
        List<ConfigOption> rejects = new ArrayList<>();
        List<ConfigOption> naks = new ArrayList<>();
        for (ConfigOption o : options) {
            OptionHandler h = handler(o.type());
            OptionVerdict v = h == null ? OptionVerdict.REJECT : h.check(o.value());
            switch (v) {
                case OptionVerdict.Reject r -> rejects.add(o);
                case OptionVerdict.Nak n -> {
                    if (failureCounter >= config.maxFailure()) {
                        rejects.add(o); // Max-Failure: Nak turns into Reject (§4.6)
                    } else {
                        naks.add(new ConfigOption(o.type(), n.suggestion()));
                    }
                }
                case OptionVerdict.Ack a -> {}
            }
        }
        if (failureCounter < config.maxFailure()) {
            List<Integer> present = options.stream().map(ConfigOption::type).toList();
            for (OptionHandler h : handlers) {
                if (!present.contains(h.type())) {
                    h.requireFromPeer().ifPresent(v -> naks.add(new ConfigOption(h.type(), v)));
                }
            }
        }
        boolean good = rejects.isEmpty() && naks.isEmpty();
        if (state == STOPPED) {
            irc();
            scr(now);
        } else if (state == OPENED) {
            sink.layerDown("peer renegotiates");
            scr(now);
        }
        if (good) {
            for (ConfigOption o : options) {
                handler(o.type()).peerAcked(o.value());
            }
            send(ControlPacket.CONFIGURE_ACK, packet.identifier(), packet.data());
            ackedPeerId = packet.identifier();
            ackedPeerData = packet.data();
            if (state == ACK_RCVD) {
                stopTimer();
                state = OPENED;
                sink.layerUp();
            } else {
                state = ACK_SENT;
            }
        } else {
            if (rejects.isEmpty()) {
                failureCounter++;
                send(ControlPacket.CONFIGURE_NAK, packet.identifier(), ConfigOption.encodeAll(naks));
            } else {
                send(ControlPacket.CONFIGURE_REJECT, packet.identifier(), ConfigOption.encodeAll(rejects));
            }
            state = state == ACK_RCVD ? ACK_RCVD : REQ_SENT;
        }
    }

    private void receiveConfigureAck(ControlPacket packet, long now) {
        if (packet.identifier() != requestId || !Arrays.equals(packet.data(), requestData)) {
            return; // not an answer to our last request: discard (§5.2)
        }
        if (state == OPENED && requestAcked) {
            return; // a copy of the Ack that opened the link (the peer answered a retransmission too)
        }
        requestAcked = true;
        switch (state) {
            case CLOSED, STOPPED -> sta(packet.identifier());
            case REQ_SENT -> {
                acked();
                irc();
                state = ACK_RCVD;
            }
            case ACK_RCVD -> {
                scr(now); // crossed connection
                state = REQ_SENT;
            }
            case ACK_SENT -> {
                acked();
                irc();
                stopTimer();
                state = OPENED;
                sink.layerUp();
            }
            case OPENED -> {
                sink.layerDown("unexpected Configure-Ack");
                scr(now);
                state = REQ_SENT;
            }
            default -> {}
        }
    }

    private void acked() {
        for (ConfigOption o : ConfigOption.decodeAll(requestData)) {
            handler(o.type()).acked(o.value());
        }
    }

    private void receiveNakOrReject(ControlPacket packet, long now) {
        if (packet.identifier() != requestId) {
            return;
        }
        List<ConfigOption> options = ConfigOption.decodeAll(packet.data());
        if (state == CLOSED || state == STOPPED) {
            sta(packet.identifier());
            return;
        }
        if (state == CLOSING || state == STOPPING) {
            return;
        }
        boolean reject = packet.code() == ControlPacket.CONFIGURE_REJECT;
        List<Integer> sent = ConfigOption.decodeAll(requestData).stream()
                .map(ConfigOption::type)
                .toList();
        for (ConfigOption o : options) {
            OptionHandler h = handler(o.type());
            if (h == null || (reject && !sent.contains(o.type()))) {
                continue; // a Reject may only name options we sent; unknown Nak hints are ignored
            }
            if (reject) {
                h.rejected();
            } else {
                h.naked(o.value());
            }
        }
        switch (state) {
            case REQ_SENT, ACK_SENT -> {
                irc();
                scr(now);
            }
            case ACK_RCVD -> {
                scr(now);
                state = REQ_SENT;
            }
            case OPENED -> {
                sink.layerDown("peer renegotiates");
                scr(now);
                state = REQ_SENT;
            }
            default -> {}
        }
    }

    private void rtr(ControlPacket packet, long now) {
        switch (state) {
            case REQ_SENT, ACK_RCVD, ACK_SENT -> {
                sta(packet.identifier());
                state = REQ_SENT;
            }
            case OPENED -> {
                reason = "peer sent Terminate-Request";
                sink.layerDown(reason);
                restartCounter = 0; // zrc
                startTimer(now);
                sta(packet.identifier());
                state = STOPPING;
            }
            default -> sta(packet.identifier());
        }
    }

    private void rta(ControlPacket packet, long now) {
        switch (state) {
            case CLOSING -> finish(CLOSED, reason.isEmpty() ? "closed" : reason);
            case STOPPING -> finish(STOPPED, reason.isEmpty() ? "stopped" : reason);
            case ACK_RCVD -> state = REQ_SENT;
            case OPENED -> {
                sink.layerDown("unexpected Terminate-Ack");
                scr(now);
                state = REQ_SENT;
            }
            default -> {}
        }
    }

    // ---- actions (RFC 1661 §4.4) ----

    private void finish(State next, String why) {
        stopTimer();
        state = next;
        sink.layerFinished(why);
    }

    private void tls() {
        resetHandlers();
        sink.layerStarted();
    }

    private void resetHandlers() {
        for (OptionHandler h : handlers) {
            h.reset();
        }
        failureCounter = 0;
    }

    private void irc() {
        restartCounter = (state == CLOSING || state == STOPPING) ? config.maxTerminate() : config.maxConfigure();
        failureCounter = 0;
    }

    private void scr(long now) {
        scr(now, false);
    }

    /**
     * Sends a Configure-Request. A retransmission on timeout of an unanswered request keeps its
     * identifier (RFC 1661 §5.1 allows it, pppd does it): a late copy is then recognisably the same
     * request to the peer, and the peer's Ack of either copy answers it.
     */
    private void scr(long now, boolean timeout) {
        List<ConfigOption> options = new ArrayList<>();
        for (OptionHandler h : handlers) {
            byte[] v = h.requestValue();
            if (v != null) {
                options.add(new ConfigOption(h.type(), v));
            }
        }
        byte[] data = ConfigOption.encodeAll(options);
        boolean sameRequest = timeout && !requestAcked && requestId >= 0 && Arrays.equals(data, requestData);
        requestData = data;
        if (!sameRequest) requestId = takeId();
        requestAcked = false;
        restartCounter--;
        send(ControlPacket.CONFIGURE_REQUEST, requestId, requestData);
        startTimer(now);
    }

    private void str(long now) {
        terminateId = takeId();
        restartCounter--;
        send(ControlPacket.TERMINATE_REQUEST, terminateId, new byte[0]);
        startTimer(now);
    }

    private void sta(int identifier) {
        send(ControlPacket.TERMINATE_ACK, identifier, new byte[0]);
    }

    private void scj(ControlPacket rejected) {
        byte[] whole = rejected.encode();
        send(ControlPacket.CODE_REJECT, (codeRejectId = (codeRejectId + 1) & 0xFF), whole);
    }

    /** Sends a packet of this protocol with a fresh identifier (for Echo, Protocol-Reject ...). */
    public int sendWithNewId(int code, byte[] data) {
        int id = takeId();
        send(code, id, data);
        return id;
    }

    /** Sends a packet of this protocol as is (for replies that reuse the request's identifier). */
    public void send(int code, int identifier, byte[] data) {
        sink.send(protocol, new ControlPacket(code, identifier, data));
    }

    private int takeId() {
        int id = nextId;
        nextId = (nextId + 1) & 0xFF;
        return id;
    }

    private void startTimer(long now) {
        timerDeadline = now + config.restartTimer().toNanos();
        sink.timerWanted(timerDeadline);
    }

    private void stopTimer() {
        if (timerDeadline != Long.MAX_VALUE) {
            timerDeadline = Long.MAX_VALUE;
            sink.timerWanted(Long.MAX_VALUE);
        }
    }

    @Override
    public String toString() {
        return name + "[" + state + "]";
    }
}
