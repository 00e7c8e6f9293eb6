package io.lns.loadtest.run;

import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.subscriber.SubscriberConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * One load run.
 *
 * @param lns what the report calls the LNS (host:port)
 * @param tunnels how many tunnels to bring up
 * @param callsPerTunnel incoming calls placed in each tunnel
 * @param concurrency at most this many tunnel and call setups under way at once
 * @param rate new calls per second (token bucket); 0 for no limit
 * @param hold how long to keep everything up after setup
 * @param teardown tear down gracefully (a CDN per call, a StopCCN per tunnel) and report it;
 *     without it each tunnel only gets a StopCCN at the end, unreported
 * @param firstTunnelId our Assigned Tunnel ID of the first tunnel; the others follow
 * @param lac how each simulated LAC tunnel behaves
 * @param ppp a subscriber runs PPP over every call, which is up when IPCP opens; false for the
 *     L2TP-only behaviour (a call is up when its ICCN is acknowledged, data messages dropped)
 * @param subscriber how the subscribers behave (used with {@code ppp})
 */
public record LoadOptions(
        String lns,
        int tunnels,
        int callsPerTunnel,
        int concurrency,
        double rate,
        Duration hold,
        boolean teardown,
        int firstTunnelId,
        LacConfig lac,
        boolean ppp,
        SubscriberConfig subscriber) {

    public LoadOptions {
        if (tunnels < 1) throw new IllegalArgumentException("at least one tunnel");
        if (callsPerTunnel < 0 || callsPerTunnel > 0xFFFF)
            throw new IllegalArgumentException("0..65535 sessions per tunnel");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency at least 1");
        if (firstTunnelId < 1 || firstTunnelId + tunnels - 1 > 0xFFFF) {
            throw new IllegalArgumentException("tunnel ids must fit 1..65535");
        }
        Objects.requireNonNull(subscriber, "subscriber");
    }

    /** With PPP on and {@link SubscriberConfig#defaults()}: turn it off with {@code .ppp(false)}. */
    public LoadOptions(
            String lns,
            int tunnels,
            int callsPerTunnel,
            int concurrency,
            double rate,
            Duration hold,
            boolean teardown,
            int firstTunnelId,
            LacConfig lac) {
        this(
                lns,
                tunnels,
                callsPerTunnel,
                concurrency,
                rate,
                hold,
                teardown,
                firstTunnelId,
                lac,
                true,
                SubscriberConfig.defaults());
    }

    public long totalCalls() {
        return (long) tunnels * callsPerTunnel;
    }

    /** The same run with PPP subscribers on or off (off: the L2TP control-plane benchmark). */
    public LoadOptions ppp(boolean on) {
        return new LoadOptions(
                lns, tunnels, callsPerTunnel, concurrency, rate, hold, teardown, firstTunnelId, lac, on, subscriber);
    }

    public LoadOptions withSubscriber(SubscriberConfig s) {
        return new LoadOptions(
                lns, tunnels, callsPerTunnel, concurrency, rate, hold, teardown, firstTunnelId, lac, ppp, s);
    }

    /** The subscriber config the tunnels get: null without PPP. */
    SubscriberConfig subscribersOrNull() {
        return ppp ? subscriber : null;
    }
}
