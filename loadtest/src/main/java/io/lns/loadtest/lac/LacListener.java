package io.lns.loadtest.lac;

/**
 * What a {@link LacTunnel} reports, on the thread that drives it. Latencies are in nanoseconds of
 * the driving clock.
 */
public interface LacListener {

    /**
     * The tunnel is established: our SCCCN was acknowledged. {@code sccrpLatency} is SCCRQ (first
     * transmission) to SCCRP.
     */
    void tunnelUp(LacTunnel tunnel, long sccrpLatency);

    /** The tunnel failed to come up ({@code wasUp} false) or went down after it was up. */
    void tunnelDown(LacTunnel tunnel, Failure why, boolean wasUp);

    /** A call is up: our ICCN was acknowledged. {@code latency} is ICRQ to that acknowledgement. */
    void callUp(LacSession session, long latency);

    /** A call failed before it was up. */
    void callFailed(LacSession session, Failure why);

    /** A call that was up was disconnected by the LNS (CDN) or lost with its tunnel. */
    void callDown(LacSession session, Failure why);

    /** Our teardown ended: every CDN and the StopCCN acknowledged, or the teardown timed out. */
    void teardownDone(LacTunnel tunnel, TeardownResult result);

    /** What a teardown achieved. */
    record TeardownResult(int cdnsSent, int cdnsAcked, boolean stopccnAcked, long duration) {}
}
