package io.lns.server.dataplane;

import io.netty.buffer.ByteBuf;

/** The few IPv4 header facts forwarding needs, read in place at a buffer's reader index. */
public final class IpPackets {
    public static final int PPP_IPV4 = 0x0021;
    public static final int PPP_IPV6 = 0x0057;

    private IpPackets() {}

    /** Whether the readable bytes hold a well-formed IPv4 header whose total length fits them. */
    public static boolean isIpv4(ByteBuf p) {
        int at = p.readerIndex();
        int n = p.readableBytes();
        if (n < 20) return false;
        int vihl = p.getUnsignedByte(at);
        int ihl = (vihl & 0x0F) * 4;
        return (vihl >>> 4) == 4
                && ihl >= 20
                && ihl <= n
                && p.getUnsignedShort(at + 2) >= ihl
                && p.getUnsignedShort(at + 2) <= n;
    }

    /** The IPv4 source address as an int (call after {@link #isIpv4}). */
    public static int ipv4Source(ByteBuf p) {
        return p.getInt(p.readerIndex() + 12);
    }

    /** The IPv4 destination address as an int. */
    public static int ipv4Destination(ByteBuf p) {
        return p.getInt(p.readerIndex() + 16);
    }

    /** Whether the readable bytes start with an IPv6 header. */
    public static boolean isIpv6(ByteBuf p) {
        return p.readableBytes() >= 40 && (p.getUnsignedByte(p.readerIndex()) >>> 4) == 6;
    }

    /** IPv4 total length (call after {@link #isIpv4}); trailing link padding is beyond it. */
    public static int ipv4TotalLength(ByteBuf p) {
        return p.getUnsignedShort(p.readerIndex() + 2);
    }
}
