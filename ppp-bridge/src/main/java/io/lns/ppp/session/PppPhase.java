package io.lns.ppp.session;

/** The link phases of RFC 1661 §3.2. */
public enum PppPhase {
    DEAD,
    ESTABLISH,
    AUTHENTICATE,
    NETWORK,
    TERMINATE
}
