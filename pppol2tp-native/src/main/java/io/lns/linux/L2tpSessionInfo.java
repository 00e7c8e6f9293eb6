package io.lns.linux;

/**
 * A kernel L2TP session as genl SESSION_GET reports it (kernel/FACTS.md §2.2). Ids are the local
 * ({@code tunnelId}, {@code sessionId}) and the peer's; PPP sessions carry no interface name, so the
 * caller keeps the unit itself.
 */
public record L2tpSessionInfo(
        int tunnelId,
        int sessionId,
        int peerTunnelId,
        int peerSessionId,
        boolean sendSeq,
        boolean recvSeq,
        boolean lnsMode,
        L2tpStats stats) {}
