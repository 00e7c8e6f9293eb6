package io.lns.l2tp.control;

/** Tunnel authentication modes for incoming tunnels, as OpenL2TP defines them (openl2tp(7)). */
public enum AuthMode {
    /** Tunnels from any peer; challenge/response only when a secret is configured. */
    NONE,
    /** Only peers that match a configured peer profile; no password needed. */
    SIMPLE,
    /** SIMPLE, and the peer must pass challenge/response with the tunnel secret. */
    CHALLENGE
}
