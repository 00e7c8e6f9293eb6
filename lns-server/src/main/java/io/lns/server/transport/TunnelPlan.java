package io.lns.server.transport;

import io.lns.config.SourcePort;
import io.lns.l2tp.control.TunnelSettings;

/**
 * How to make a new tunnel for a peer: its settings, which source port its socket uses, and how
 * many sessions all tunnels from that peer address may carry (0: no limit).
 */
public record TunnelPlan(TunnelSettings settings, SourcePort sourcePort, int peerMaxSessions) {
    public TunnelPlan(TunnelSettings settings, SourcePort sourcePort) {
        this(settings, sourcePort, 0);
    }
}
