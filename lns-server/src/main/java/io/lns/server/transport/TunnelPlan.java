package io.lns.server.transport;

import io.lns.config.SourcePort;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.server.subscriber.PppPlan;

/**
 * How to make a new tunnel for a peer: its settings, which source port its socket uses, and how
 * many sessions all tunnels from that peer address may carry (0: no limit), and how its sessions'
 * PPP runs ({@code ppp} null: no PPP; sessions stay L2TP-only and their data is dropped — the
 * control-plane tests and benchmarks use that).
 */
public record TunnelPlan(TunnelSettings settings, SourcePort sourcePort, int peerMaxSessions, PppPlan ppp) {
    public TunnelPlan(TunnelSettings settings, SourcePort sourcePort, int peerMaxSessions) {
        this(settings, sourcePort, peerMaxSessions, null);
    }

    public TunnelPlan(TunnelSettings settings, SourcePort sourcePort) {
        this(settings, sourcePort, 0, null);
    }
}
