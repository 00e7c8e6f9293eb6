package io.lns.l2tp.control;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.CallStatusAvps.Accm;
import io.lns.l2tp.avp.CallStatusAvps.CallErrors;
import java.util.List;

/**
 * One call of a tunnel, as the LNS sees it (RFC 2661 §7.4, §7.5). Mutable; owned by its tunnel's
 * thread.
 */
public final class LnsSession {

    /** Session states of RFC 2661 §7.4.2 (incoming) and §7.5.1 (outgoing), LNS side. */
    public enum State {
        /** ICRP sent, waiting for ICCN. */
        WAIT_CONNECT,
        /** OCRQ sent, waiting for OCRP. */
        WAIT_REPLY,
        /** OCRP received, waiting for OCCN. */
        WAIT_CS_ANSWER,
        ESTABLISHED,
        CLOSED
    }

    private final int localId;
    private final boolean incoming;
    private final long createdAt;
    private int peerId;
    private State state;
    private long callSerial;
    private String callingNumber = "";
    private String calledNumber = "";
    private long txConnectSpeed;
    private long rxConnectSpeed;
    private boolean sequencingRequired;
    private List<Avp> proxyAvps = List.of();
    private Accm accm;
    private CallErrors callErrors;
    private long establishedAt;

    LnsSession(int localId, int peerId, boolean incoming, State state, long now) {
        this.localId = localId;
        this.peerId = peerId;
        this.incoming = incoming;
        this.state = state;
        this.createdAt = now;
    }

    public int localId() {
        return localId;
    }

    public int peerId() {
        return peerId;
    }

    void peerId(int id) {
        this.peerId = id;
    }

    public boolean incoming() {
        return incoming;
    }

    public State state() {
        return state;
    }

    void state(State s) {
        this.state = s;
    }

    public long callSerial() {
        return callSerial;
    }

    public String callingNumber() {
        return callingNumber;
    }

    public String calledNumber() {
        return calledNumber;
    }

    void call(long serial, String calling, String called) {
        this.callSerial = serial;
        this.callingNumber = calling;
        this.calledNumber = called;
    }

    public long txConnectSpeed() {
        return txConnectSpeed;
    }

    public long rxConnectSpeed() {
        return rxConnectSpeed;
    }

    public boolean sequencingRequired() {
        return sequencingRequired;
    }

    /** Proxy LCP and authentication AVPs from ICCN (§4.4.5), for PPP to use. */
    public List<Avp> proxyAvps() {
        return proxyAvps;
    }

    void connected(long tx, long rx, boolean sequencing, List<Avp> proxy, long now) {
        this.txConnectSpeed = tx;
        this.rxConnectSpeed = rx;
        this.sequencingRequired = sequencing;
        this.proxyAvps = List.copyOf(proxy);
        this.establishedAt = now;
        this.state = State.ESTABLISHED;
    }

    /** The ACCM from the last SLI, or null. */
    public Accm accm() {
        return accm;
    }

    void accm(Accm a) {
        this.accm = a;
    }

    /** The counters from the last WEN, or null. */
    public CallErrors callErrors() {
        return callErrors;
    }

    void callErrors(CallErrors e) {
        this.callErrors = e;
    }

    public long createdAt() {
        return createdAt;
    }

    /** When ICCN/OCCN arrived, or 0. */
    public long establishedAt() {
        return establishedAt;
    }

    @Override
    public String toString() {
        return "session " + localId + "/" + peerId + " " + state;
    }
}
