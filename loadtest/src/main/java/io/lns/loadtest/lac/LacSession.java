package io.lns.loadtest.lac;

import io.lns.l2tp.avp.Avp;
import java.util.List;

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
    long iccnSentAt = -1;
    List<Avp> iccnExtras = List.of();

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

    /** When the ICRQ was sent (the driving clock's nanoseconds). */
    public long startedAt() {
        return startedAt;
    }

    /** When the ICCN was handed to the control channel, or -1 before. */
    public long iccnSentAt() {
        return iccnSentAt;
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
