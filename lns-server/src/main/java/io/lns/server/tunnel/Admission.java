package io.lns.server.tunnel;

import io.lns.l2tp.control.Refusal;
import io.lns.l2tp.control.TokenBucket;
import io.lns.l2tp.message.ResultCodes;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * System-wide admission control: tunnel and session limits, sessions in setup at once, and rate
 * limits on new tunnels and calls. A refusal is an RFC-conformant Result Code (Result 2 / Error 4,
 * "insufficient resources") so the LAC fails over to another LNS. Shared by every event loop.
 */
public final class Admission {

    /** Limits; 0 means unlimited. */
    public record Limits(
            int maxTunnels,
            int maxSessions,
            int maxSessionsInSetup,
            double tunnelsPerSecond,
            int tunnelBurst,
            double callsPerSecond,
            int callBurst,
            boolean denyTunnels) {
        public static final Limits NONE = new Limits(0, 0, 0, 0, 0, 0, 0, false);
    }

    private final Limits limits;
    private final TokenBucket tunnelRate;
    private final TokenBucket callRate;
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger sessionsInSetup = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> peerSessions = new ConcurrentHashMap<>();
    private final LongAdder refusedTunnels = new LongAdder();
    private final LongAdder refusedSessions = new LongAdder();

    public Admission(Limits limits, long now) {
        this.limits = limits;
        this.tunnelRate = TokenBucket.full(limits.tunnelsPerSecond(), limits.tunnelBurst(), now);
        this.callRate = TokenBucket.full(limits.callsPerSecond(), limits.callBurst(), now);
    }

    /** Reserves a tunnel, or says why not; a reservation is released by {@link #tunnelClosed()}. */
    public Optional<Refusal> admitTunnel(long now) {
        Refusal r = null;
        if (limits.denyTunnels()) {
            r = new Refusal(ResultCodes.STOPCCN_NOT_AUTHORIZED, -1, "remote tunnel creation denied");
        } else if (!reserve(tunnels, limits.maxTunnels())) {
            r = noResources("tunnel limit " + limits.maxTunnels());
        } else if (!take(tunnelRate, now)) {
            tunnels.decrementAndGet();
            r = noResources("new tunnel rate limit");
        }
        if (r != null) refusedTunnels.increment();
        return Optional.ofNullable(r);
    }

    public void tunnelClosed() {
        tunnels.decrementAndGet();
    }

    /**
     * Reserves a session in setup for a call from {@code peer} (whose profile allows it
     * {@code peerLimit} sessions, 0 for no limit), or says why not.
     */
    public Optional<Refusal> admitSession(long now, InetAddress peer, int peerLimit) {
        AtomicInteger perPeer = peerSessions.computeIfAbsent(peer, p -> new AtomicInteger());
        if (!reserve(perPeer, peerLimit)) {
            refusedSessions.increment();
            return Optional.of(noResources("peer session limit " + peerLimit));
        }
        Optional<Refusal> r = admitSession(now);
        if (r.isPresent()) perPeer.decrementAndGet();
        return r;
    }

    /** A session of {@code peer} admitted by {@link #admitSession(long, InetAddress, int)} ended. */
    public void sessionClosed(boolean established, InetAddress peer) {
        AtomicInteger perPeer = peerSessions.get(peer);
        if (perPeer != null) perPeer.decrementAndGet();
        sessionClosed(established);
    }

    /** Reserves a session in setup, or says why not. */
    public Optional<Refusal> admitSession(long now) {
        Refusal r = null;
        if (!reserve(sessions, limits.maxSessions())) {
            r = noResources("session limit " + limits.maxSessions());
        } else if (!reserve(sessionsInSetup, limits.maxSessionsInSetup())) {
            sessions.decrementAndGet();
            r = noResources("sessions in setup limit " + limits.maxSessionsInSetup());
        } else if (!take(callRate, now)) {
            sessions.decrementAndGet();
            sessionsInSetup.decrementAndGet();
            r = noResources("new call rate limit");
        }
        if (r != null) refusedSessions.increment();
        return Optional.ofNullable(r);
    }

    /** A session admitted by {@link #admitSession} finished setup. */
    public void sessionEstablished() {
        sessionsInSetup.decrementAndGet();
    }

    /** A session admitted by {@link #admitSession} ended; {@code established} says whether it got up. */
    public void sessionClosed(boolean established) {
        if (!established) sessionsInSetup.decrementAndGet();
        sessions.decrementAndGet();
    }

    public int tunnels() {
        return tunnels.get();
    }

    public int sessions() {
        return sessions.get();
    }

    public int sessionsInSetup() {
        return sessionsInSetup.get();
    }

    public long refusedTunnels() {
        return refusedTunnels.sum();
    }

    public long refusedSessions() {
        return refusedSessions.sum();
    }

    /** Buckets are shared by every event loop. */
    private static boolean take(TokenBucket bucket, long now) {
        synchronized (bucket) {
            return bucket.tryTake(now);
        }
    }

    private static boolean reserve(AtomicInteger counter, int max) {
        if (max <= 0) {
            counter.incrementAndGet();
            return true;
        }
        while (true) {
            int n = counter.get();
            if (n >= max) return false;
            if (counter.compareAndSet(n, n + 1)) return true;
        }
    }

    private static Refusal noResources(String why) {
        return new Refusal(ResultCodes.STOPCCN_GENERAL_ERROR, ResultCodes.ERROR_NO_RESOURCES, why);
    }
}
