package io.lns.server.subscriber;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Subscriber (PPP) meters; labels are from small fixed sets, never per session or user. */
public final class PppMetrics {
    private final MeterRegistry registry;
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong leased = new AtomicLong();
    private final Counter authAccepted;
    private final Counter authRejected;
    private final Timer pppSetup;
    private final Timer echoRoundTrip;
    private final ConcurrentHashMap<String, Counter> ended = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> proxy = new ConcurrentHashMap<>();

    public PppMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("lns_subscribers_up", up, AtomicLong::get)
                .description("Sessions with IPCP open")
                .register(registry);
        Gauge.builder("lns_addresses_leased", leased, AtomicLong::get)
                .description("IPv4 addresses held by sessions")
                .register(registry);
        authAccepted = Counter.builder("lns_ppp_auth")
                .description("PPP authentications, by result")
                .tag("result", "accepted")
                .register(registry);
        authRejected = Counter.builder("lns_ppp_auth")
                .description("PPP authentications, by result")
                .tag("result", "rejected")
                .register(registry);
        pppSetup = Timer.builder("lns_ppp_setup")
                .description("ICCN to IPCP open")
                .publishPercentileHistogram()
                .register(registry);
        echoRoundTrip = Timer.builder("lns_ppp_echo_rtt")
                .description("LCP Echo-Request to Echo-Reply")
                .publishPercentileHistogram()
                .register(registry);
    }

    void echoRoundTrip(long nanos) {
        echoRoundTrip.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** LCP echo round trips measured so far: count and mean, for status lines. */
    public Timer echoRoundTrips() {
        return echoRoundTrip;
    }

    void authenticated(boolean accepted) {
        (accepted ? authAccepted : authRejected).increment();
    }

    void subscriberUp(long setupNanos) {
        up.incrementAndGet();
        pppSetup.record(setupNanos, TimeUnit.NANOSECONDS);
    }

    void subscriberDown() {
        up.decrementAndGet();
    }

    void leased(int delta) {
        leased.addAndGet(delta);
    }

    /** A session ended; {@code cause} is one of a few fixed words (see SubscriberSession). */
    void ended(String cause) {
        ended.computeIfAbsent(
                        cause,
                        c -> Counter.builder("lns_ppp_sessions_ended")
                                .description("PPP sessions ended, by cause")
                                .tag("cause", c)
                                .register(registry))
                .increment();
    }

    /** Which way a session's LCP started: proxy accepted, renegotiated, or no proxy offered. */
    void proxyOutcome(String outcome) {
        proxy.computeIfAbsent(
                        outcome,
                        o -> Counter.builder("lns_ppp_proxy_lcp")
                                .description("Sessions by proxy LCP outcome")
                                .tag("outcome", o)
                                .register(registry))
                .increment();
    }

    public long authAccepted() {
        return (long) authAccepted.count();
    }

    public long authRejected() {
        return (long) authRejected.count();
    }

    public long subscribersUp() {
        return up.get();
    }

    public long addressesLeased() {
        return leased.get();
    }
}
