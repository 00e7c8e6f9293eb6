package io.lns.loadtest.run;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a load run, as printed in the table and written as JSON (snake_case names).
 * Times in the report are milliseconds or seconds as their names say. {@code ppp} and {@code data}
 * are null in an L2TP-only run; with PPP, {@code sessions} counts calls whose IPCP opened and its
 * latency is ICRQ → IPCP up.
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
        Ppp ppp,
        Data data,
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

    /**
     * The subscribers' PPP. Phase latencies are from the ICCN to LCP opened, to authentication done
     * (sessions the LNS authenticated), to IPCP opened.
     *
     * @param auth the run's --auth choice
     * @param proxyLcp the ICCNs carried proxy LCP and authentication (--proxy-lcp)
     * @param up subscribers whose IPCP opened
     * @param ipv6Up subscribers whose IPv6CP opened
     * @param authFailed calls that failed in authentication (rejected, timed out)
     * @param authFailures the same by reason
     * @param authMethods subscribers up by the protocol the LNS asked for (PAP, CHAP_MD5, MSCHAP_V2, NONE)
     * @param addresses IPv4 addresses IPCP gave out
     * @param dataMessages L2TP data messages
     */
    public record Ppp(
            String auth,
            boolean proxyLcp,
            long up,
            long ipv6Up,
            long authFailed,
            List<Reason> authFailures,
            Map<String, Long> authMethods,
            Latency lcpUpMs,
            Latency authDoneMs,
            Latency ipcpUpMs,
            Addresses addresses,
            DataMessages dataMessages) {}

    /**
     * @param assigned subscribers that got an address
     * @param distinct different addresses among them
     * @param duplicates times an address was given while another live subscriber held it
     * @param withDns subscribers that got a primary DNS server
     */
    public record Addresses(long assigned, long distinct, long duplicates, long withDns) {}

    /** L2TP data messages over all calls (see {@code SubscriberCounters}). */
    public record DataMessages(long sent, long received, long malformed, long unknownSession, long outOfSequence) {}

    /**
     * The subscribers' own traffic.
     *
     * @param ping ICMP Echo probes, or null without --ping
     * @param udp UDP probes, or null without --udp
     * @param spoofedSent packets sent with a source address not the subscriber's (--spoof)
     * @param echoRequestsAnswered Echo requests to subscriber addresses, answered
     * @param ipReceived IPv4 datagrams the subscribers received
     * @param ipMalformed of those, undecodable ones (bad checksums, truncated, fragments)
     * @param ipUnmatched datagrams no probe waited for, or not addressed to the subscriber
     */
    public record Data(
            Probe ping,
            Probe udp,
            long spoofedSent,
            long echoRequestsAnswered,
            long ipReceived,
            long ipMalformed,
            long ipUnmatched) {}

    /** One kind of probe over all subscribers: {@code lost} = sent − received in time. */
    public record Probe(String target, long sent, long received, long lost, long late, Latency rttMs) {}
}
