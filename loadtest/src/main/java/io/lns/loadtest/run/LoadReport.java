package io.lns.loadtest.run;

import java.util.List;

/**
 * The outcome of a load run, as printed in the table and written as JSON (snake_case names).
 * Times in the report are milliseconds or seconds as their names say.
 */
public record LoadReport(
        String lns,
        int tunnelsRequested,
        int sessionsPerTunnel,
        int concurrency,
        double ratePerSecond,
        boolean challengeAuth,
        boolean hiddenAvps,
        Setup tunnels,
        Setup sessions,
        long sessionsDisconnectedByLns,
        long sessionsUpAfterHold,
        List<Reason> failures,
        List<Reason> disconnects,
        Teardown teardown,
        Control control,
        double elapsedSeconds) {

    /**
     * Setup of tunnels (SCCRQ → SCCRP latency) or sessions (ICRQ → ICCN acknowledged latency).
     * {@code perSecond} is {@code up} over the time from the first request to the last success.
     */
    public record Setup(long requested, long up, long failed, double seconds, double perSecond, Latency latencyMs) {}

    public record Latency(long count, double p50, double p99, double max, double mean) {
        static Latency of(LatencyStats s) {
            return new Latency(s.count(), ms(s.percentile(50)), ms(s.percentile(99)), ms(s.max()), ms(s.mean()));
        }

        private static double ms(double nanos) {
            return Math.round(nanos / 1e3) / 1e3;
        }
    }

    /**
     * How many tunnels or sessions failed (or were disconnected) for one reason. {@code phase} is
     * "tunnel setup", "session setup", "tunnel after setup" or "session after setup"; {@code
     * result} and {@code error} are the LNS's Result Code values when it sent one.
     */
    public record Reason(
            String phase, String reason, String kind, Integer result, Integer error, long count, String description) {}

    /** Our graceful teardown (only with --teardown). */
    public record Teardown(
            long tunnels, long cdnSent, long cdnAcked, long stopccnSent, long stopccnAcked, double seconds) {}

    /** Control messages over all tunnels. */
    public record Control(
            long sent,
            long retransmitted,
            long received,
            long zlbSent,
            long zlbReceived,
            long duplicatesReceived,
            long ignored,
            long malformed) {}
}
