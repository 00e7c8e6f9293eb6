package io.lns.config;

/** What the LNS does with the LCP state a LAC forwards in proxy LCP AVPs (RFC 2661 §4.4.5). */
public enum ProxyLcp {
    /** Take the LAC's negotiated LCP options and start with authentication. */
    ACCEPT,
    /** Ignore the proxied state and negotiate LCP again with the peer. */
    RENEGOTIATE
}
