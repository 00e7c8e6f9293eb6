package io.lns.server.tunnel;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * Every live tunnel, reachable from any event loop: by our tunnel id (header dispatch), by the
 * peer's (address, Assigned Tunnel ID) so a retransmitted SCCRQ finds the tunnel it already made,
 * and by (local address, peer address) to know when port 1701 is taken towards a peer.
 */
public final class TunnelRegistry<T> {
    private record SccrqKey(InetSocketAddress peer, int peerTunnelId) {}

    private record PathKey(InetSocketAddress local, InetSocketAddress peer) {}

    private final ConcurrentHashMap<Integer, T> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SccrqKey, T> bySccrq = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PathKey, Integer> wellKnownPortPaths = new ConcurrentHashMap<>();

    /** Picks a free non-zero tunnel id and registers {@code factory.apply(id)}; null when all are taken. */
    public T register(IntFunction<T> factory) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 1 << 17 && byId.size() < 0xFFFF; attempt++) {
            int id = 1 + random.nextInt(0xFFFF);
            if (byId.containsKey(id)) continue;
            T tunnel = factory.apply(id);
            if (byId.putIfAbsent(id, tunnel) == null) return tunnel;
        }
        return null;
    }

    public T get(int tunnelId) {
        return byId.get(tunnelId);
    }

    /** The tunnel an SCCRQ from this peer already created, or null. */
    public T findBySccrq(InetSocketAddress peer, int peerTunnelId) {
        return bySccrq.get(new SccrqKey(peer, peerTunnelId));
    }

    /** Remembers {@code tunnel} as made by this SCCRQ; returns the one that already was, or null. */
    public T claimSccrq(InetSocketAddress peer, int peerTunnelId, T tunnel) {
        return bySccrq.putIfAbsent(new SccrqKey(peer, peerTunnelId), tunnel);
    }

    /** Stops treating SCCRQs with this key as retransmissions to {@code tunnel}. */
    public void forgetSccrq(InetSocketAddress peer, int peerTunnelId, T tunnel) {
        bySccrq.remove(new SccrqKey(peer, peerTunnelId), tunnel);
    }

    /** Releases a claim on port 1701 that could not be used. */
    public void releaseWellKnownPort(InetSocketAddress local, InetSocketAddress peer, int tunnelId) {
        wellKnownPortPaths.remove(new PathKey(local, peer), tunnelId);
    }

    /** Claims source port 1701 towards {@code peer} from {@code local}; false when a tunnel has it. */
    public boolean claimWellKnownPort(InetSocketAddress local, InetSocketAddress peer, int tunnelId) {
        return wellKnownPortPaths.putIfAbsent(new PathKey(local, peer), tunnelId) == null;
    }

    public void remove(int tunnelId, InetSocketAddress peer, int peerTunnelId, InetSocketAddress local) {
        T t = byId.remove(tunnelId);
        if (t != null) bySccrq.remove(new SccrqKey(peer, peerTunnelId), t);
        if (local != null) wellKnownPortPaths.remove(new PathKey(local, peer), tunnelId);
    }

    public Collection<T> all() {
        return byId.values();
    }

    public int size() {
        return byId.size();
    }
}
