package io.lns.ppp.proxy;

/**
 * What an LNS does with the LCP state a LAC forwards in an ICCN (RFC 2661 §4.4.5); the ppp-profile's
 * {@code proxy-lcp: accept | renegotiate}.
 */
public enum ProxyPolicy {
    /** Take the LAC's agreement when our own option handlers would have agreed to it too. */
    ACCEPT,
    /** Ignore the proxied state and negotiate LCP with the subscriber again. */
    RENEGOTIATE
}
