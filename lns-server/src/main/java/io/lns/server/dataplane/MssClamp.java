package io.lns.server.dataplane;

import io.netty.buffer.ByteBuf;

/**
 * TCP MSS clamping: lowers the MSS option of IPv4 TCP SYNs so that segments fit a subscriber's
 * MTU (L2TP's overhead makes the usual 1460 too large for many access lines, and ICMP
 * "fragmentation needed" is often filtered). The TCP checksum is patched incrementally (RFC 1624).
 */
public final class MssClamp {
    private static final int TCP = 6;
    private static final int SYN = 0x02;
    private static final int OPTION_END = 0;
    private static final int OPTION_NOP = 1;
    private static final int OPTION_MSS = 2;

    private MssClamp() {}

    /**
     * Clamps the IPv4 packet at {@code p}'s reader index (already checked with {@link
     * IpPackets#isIpv4}) to an MSS of {@code mtu - 40}; true when it changed the packet.
     */
    public static boolean clampIpv4(ByteBuf p, int mtu) {
        int ip = p.readerIndex();
        if (p.getUnsignedByte(ip + 9) != TCP) return false;
        if ((p.getUnsignedShort(ip + 6) & 0x1FFF) != 0) return false; // not the first fragment
        int ihl = (p.getUnsignedByte(ip) & 0x0F) * 4;
        int tcp = ip + ihl;
        int end = ip + IpPackets.ipv4TotalLength(p);
        if (tcp + 20 > end) return false;
        if ((p.getUnsignedByte(tcp + 13) & SYN) == 0) return false;
        int dataOffset = (p.getUnsignedByte(tcp + 12) >>> 4) * 4;
        int optionsEnd = Math.min(tcp + dataOffset, end);
        int maxMss = mtu - 40;
        for (int at = tcp + 20; at < optionsEnd; ) {
            int kind = p.getUnsignedByte(at);
            if (kind == OPTION_END) return false;
            if (kind == OPTION_NOP) {
                at++;
                continue;
            }
            if (at + 1 >= optionsEnd) return false;
            int length = p.getUnsignedByte(at + 1);
            if (length < 2 || at + length > optionsEnd) return false;
            if (kind == OPTION_MSS && length == 4) {
                int mss = p.getUnsignedShort(at + 2);
                if (mss <= maxMss) return false;
                p.setShort(at + 2, maxMss);
                patchChecksum(p, tcp + 16, mss, maxMss);
                return true;
            }
            at += length;
        }
        return false;
    }

    /** RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m'). */
    private static void patchChecksum(ByteBuf p, int at, int oldWord, int newWord) {
        int sum = (~p.getUnsignedShort(at) & 0xFFFF) + (~oldWord & 0xFFFF) + newWord;
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        p.setShort(at, ~sum & 0xFFFF);
    }
}
