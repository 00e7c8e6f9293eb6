package io.lns.config;

/** The UDP port lns answers a new tunnel from (RFC 2661 §8.1 lets the LNS choose). */
public enum SourcePort {
    /** The listen port (1701 unless {@code system.listen-port} says otherwise), for every tunnel. */
    LISTEN_PORT,
    /** A fresh ephemeral port per tunnel. */
    EPHEMERAL,
    /**
     * The listen port, unless a tunnel with the same peer address and port already uses it; then an
     * ephemeral port, so that each tunnel has a socket of its own.
     */
    AUTO
}
