package io.lns.server.transport;

/**
 * Which UDP source port a new tunnel's socket uses (RFC 2661 §8.1 lets the LNS answer from any).
 * Two tunnels on one 4-tuple would be misrouted by the Linux 6.1 kernel data path, so
 * {@link #AUTO} uses 1701 only while no other tunnel to that peer address and port has it.
 */
public enum SourcePortPolicy {
    /** Always 1701 (a second tunnel to the same peer ip:port then fails to open). */
    WELL_KNOWN,
    /** Always an ephemeral port. */
    EPHEMERAL,
    /** 1701 when free towards that peer, else ephemeral. */
    AUTO
}
