package io.lns.loadtest.run;

import io.lns.loadtest.ip.Ipv4;
import io.lns.loadtest.subscriber.SubscriberConfig;
import io.lns.loadtest.subscriber.SubscriberCounters;
import io.lns.loadtest.subscriber.SubscriberUp;
import java.net.Inet4Address;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the subscribers reported during a run, for the report's {@code ppp} and {@code data}
 * sections: PPP phase times, authentication methods, the addresses handed out (and any handed to two
 * live subscribers at once), which subscribers still have probes in flight. Used on the runner's
 * thread only.
 */
final class SubscriberStats {
    private final SubscriberConfig config;
    private final LatencyStats lcpUp = new LatencyStats();
    private final LatencyStats authDone = new LatencyStats();
    private final LatencyStats ipcpUp = new LatencyStats();
    private final Map<String, Long> authMethods = new LinkedHashMap<>();
    private final Map<Long, Inet4Address> addressOf = new HashMap<>();
    private final Map<Inet4Address, Integer> live = new HashMap<>();
    private final Set<Inet4Address> distinct = new HashSet<>();
    private final Set<Long> probing = new HashSet<>();
    private long up;
    private long ipv6Up;
    private long assigned;
    private long duplicates;
    private long withDns;

    SubscriberStats(SubscriberConfig config) {
        this.config = config;
    }

    /** A call's key: tunnel id and our session id. */
    static long key(int tunnelId, int sessionId) {
        return ((long) tunnelId << 16) | sessionId;
    }

    void up(long key, SubscriberUp u) {
        up++;
        if (u.lcpUp() >= 0) lcpUp.add(u.lcpUp());
        if (u.authDone() >= 0) authDone.add(u.authDone());
        if (u.ipcpUp() >= 0) ipcpUp.add(u.ipcpUp());
        authMethods.merge(u.authMethod() == null ? "NONE" : u.authMethod().name(), 1L, Long::sum);
        if (u.dns()) withDns++;
        if (u.address() != null) {
            assigned++;
            distinct.add(u.address());
            addressOf.put(key, u.address());
            if (live.merge(u.address(), 1, Integer::sum) > 1) duplicates++;
        }
        if (u.sendsProbes()) probing.add(key);
    }

    void ipv6Up() {
        ipv6Up++;
    }

    void dataDone(long key) {
        probing.remove(key);
    }

    /** The call ended: its address is free again, its probes will not finish. */
    void ended(long key) {
        probing.remove(key);
        Inet4Address a = addressOf.remove(key);
        if (a != null) live.computeIfPresent(a, (k, n) -> n > 1 ? n - 1 : null);
    }

    boolean probesInFlight() {
        return !probing.isEmpty();
    }

    /** How long after setup the probes of the last subscriber up may still run. */
    long probeAllowanceNanos() {
        if (config == null || !config.sendsData()) return 0;
        double seconds = 0;
        if (config.pingTarget() != null) seconds = Math.max(seconds, config.pingCount() / config.pingRate());
        if (config.udpTarget() != null) seconds = Math.max(seconds, config.udpCount() / config.udpRate());
        return Math.round(seconds * 1e9) + config.replyTimeout().toNanos() + 2_000_000_000L;
    }

    LoadReport.Ppp ppp(List<LoadReport.Reason> authFailures, SubscriberCounters c) {
        long authFailed =
                authFailures.stream().mapToLong(LoadReport.Reason::count).sum();
        return new LoadReport.Ppp(
                config.auth().name().toLowerCase(java.util.Locale.ROOT),
                config.proxyLcp(),
                up,
                ipv6Up,
                authFailed,
                authFailures,
                Map.copyOf(authMethods),
                LoadReport.Latency.of(lcpUp),
                LoadReport.Latency.of(authDone),
                LoadReport.Latency.of(ipcpUp),
                new LoadReport.Addresses(assigned, distinct.size(), duplicates, withDns),
                new LoadReport.DataMessages(
                        c.dataSent(),
                        c.dataReceived(),
                        c.dataMalformed(),
                        c.dataUnknownSession(),
                        c.dataOutOfSequence()));
    }

    LoadReport.Data data(SubscriberCounters c) {
        LoadReport.Probe ping = config.pingTarget() == null
                ? null
                : probe(target(config.pingTarget()), c.pingSent(), c.pingReceived(), c.pingLate(), c.pingRtt());
        LoadReport.Probe udp = config.udpTarget() == null
                ? null
                : probe(
                        target(config.udpTarget()) + ":" + config.udpPort(),
                        c.udpSent(),
                        c.udpReceived(),
                        c.udpLate(),
                        c.udpRtt());
        return new LoadReport.Data(
                ping, udp, c.spoofedSent(), c.echoRequestsAnswered(), c.ipReceived(), c.ipMalformed(), c.ipUnmatched());
    }

    private static String target(Inet4Address a) {
        return a.equals(SubscriberConfig.GATEWAY) ? "gateway" : Ipv4.format(Ipv4.toInt(a));
    }

    private static LoadReport.Probe probe(String target, long sent, long received, long late, long[] rtt) {
        LatencyStats s = new LatencyStats();
        for (long r : rtt) s.add(r);
        return new LoadReport.Probe(
                target, sent, received, Math.max(0, sent - received), late, LoadReport.Latency.of(s));
    }
}
