package io.lns.server.dataplane;

import io.netty.buffer.ByteBuf;

/**
 * PPP in L2TP data messages (RFC 2661 §5.1), outbound: the L2TP header, {@code FF 03} and the
 * protocol written in front of a packet. Inbound, {@link io.lns.ppp.frame.PppFrame#readHeader}
 * reads the PPP header in place.
 */
public final class DataFraming {
    /** The most header a data message needs: flags, Length, ids, Ns/Nr, FF 03, protocol. */
    public static final int HEADROOM = 2 + 2 + 4 + 4 + 2 + 2;

    private static final int FLAG_SEQUENCE = 0x0800;
    private static final int VERSION = 2;

    private DataFraming() {}

    /**
     * Writes the L2TP data header and the PPP header (with {@code FF 03}, uncompressed protocol)
     * into the {@link #HEADROOM} before {@code packet}'s reader index and moves the index back over
     * them. {@code ns} &lt; 0: no sequence numbers.
     */
    public static void prependHeaders(ByteBuf packet, int tunnelId, int sessionId, int ns, int nr, int protocol) {
        int header = ns < 0 ? 6 : 10;
        int start = packet.readerIndex() - header - 4;
        if (start < 0) throw new IllegalArgumentException("no headroom before the packet");
        int at = start;
        packet.setShort(at, (ns < 0 ? 0 : FLAG_SEQUENCE) | VERSION);
        packet.setShort(at + 2, tunnelId);
        packet.setShort(at + 4, sessionId);
        at += 6;
        if (ns >= 0) {
            packet.setShort(at, ns);
            packet.setShort(at + 2, nr);
            at += 4;
        }
        packet.setShort(at, 0xFF03);
        packet.setShort(at + 2, protocol);
        packet.readerIndex(start);
    }
}
