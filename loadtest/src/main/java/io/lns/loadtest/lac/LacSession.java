package io.lns.loadtest.lac;

/**
 * One incoming call placed by the simulated LAC (RFC 2661 §5.2.1: ICRQ → ICRP → ICCN). Its state
 * changes only through its {@link LacTunnel}.
 */
public final class LacSession {

    public enum State {
        /** ICRQ sent, waiting for the ICRP. */
        WAIT_ICRP,
        /** ICCN sent, waiting for its acknowledgement. */
        WAIT_ICCN_ACK,
        /** The call is up. */
        ESTABLISHED,
        /** We sent a CDN; it is closed for us. */
        CLOSING,
        CLOSED
    }

    private final LacTunnel tunnel;
    private final int localId;
    private final long serial;
    private final String callingNumber;
    final long startedAt;
    final long deadline;
    State state = State.WAIT_ICRP;
    int peerId;

    LacSession(LacTunnel tunnel, int localId, long serial, String callingNumber, long startedAt, long deadline) {
        this.tunnel = tunnel;
        this.localId = localId;
        this.serial = serial;
        this.callingNumber = callingNumber;
        this.startedAt = startedAt;
        this.deadline = deadline;
    }

    public LacTunnel tunnel() {
        return tunnel;
    }

    /** Our Assigned Session ID. */
    public int localId() {
        return localId;
    }

    /** The LNS's Assigned Session ID, 0 until its ICRP. */
    public int peerId() {
        return peerId;
    }

    public long serial() {
        return serial;
    }

    public String callingNumber() {
        return callingNumber;
    }

    public State state() {
        return state;
    }

    boolean settingUp() {
        return state == State.WAIT_ICRP || state == State.WAIT_ICCN_ACK;
    }

    @Override
    public String toString() {
        return "call " + tunnel.localId() + "/" + localId + " (" + state + ")";
    }
}
