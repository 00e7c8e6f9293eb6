package io.lns.server.dataplane;

/** Why a subscriber's or a host's packet was not forwarded; a metrics label each. */
public enum DropReason {
    /** Data path {@code none}: nothing is forwarded. */
    NO_DATA_PLANE,
    /** The source address is not the subscriber's (anti-spoofing). */
    SPOOFED_SOURCE,
    /** Not a valid IPv4/IPv6 packet (too short, wrong version, lengths disagree). */
    MALFORMED_IP,
    /** An IP packet arrived before the matching NCP opened. */
    NCP_NOT_OPEN,
    /** IPv6 data: no prefix is delegated yet (RA and DHCPv6 come later). */
    IPV6_UNROUTED,
    /** From the host: no subscriber has the destination address. */
    NO_SESSION,
    /** Larger than the subscriber's MRU. */
    TOO_BIG,
    /** The TUN queue or the tunnel's socket was full. */
    QUEUE_FULL,
    /** L2TP data message with sequence numbers out of order or duplicated. */
    OUT_OF_ORDER,
    /** An L2TP data message for a session that has no PPP (yet, or any more). */
    NO_PPP,
    /** Kernel plane: an IP packet reached lns before the session's ppp interface took over. */
    LINK_NOT_READY
}
