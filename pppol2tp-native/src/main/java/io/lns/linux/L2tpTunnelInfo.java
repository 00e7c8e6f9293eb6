package io.lns.linux;

/** A kernel L2TP tunnel as genl TUNNEL_GET reports it (kernel/FACTS.md §2.2). */
public record L2tpTunnelInfo(int tunnelId, int peerTunnelId, L2tpStats stats) {}
