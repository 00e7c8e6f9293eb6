package io.lns.config;

/** Who may create a tunnel (OpenL2TP's tunnel authentication modes, openl2tp(7)). */
public enum AuthMode {
    /** Any peer; a challenge only when the tunnel profile has a secret. */
    NONE,
    /** Only peers that match a peer profile other than {@code default}; no password needed. */
    SIMPLE,
    /** SIMPLE, and the peer must pass challenge/response with the tunnel secret. */
    CHALLENGE
}
