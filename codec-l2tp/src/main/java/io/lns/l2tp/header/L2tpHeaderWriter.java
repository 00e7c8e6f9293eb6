package io.lns.l2tp.header;

import io.netty.buffer.ByteBuf;

/** Writes an L2TPv2 header (RFC 2661 §3.1); reserved bits and offset padding are zero. */
public final class L2tpHeaderWriter {
    private L2tpHeaderWriter() {}

    /**
     * Writes {@code header} with a Length field (when its L bit is set) of {@code messageLength}
     * octets, header included.
     */
    public static void write(L2tpHeader header, int messageLength, ByteBuf out) {
        int flags = L2tpHeader.VERSION;
        if (header.control()) flags |= L2tpHeaderReader.T_BIT;
        if (header.lengthPresent()) flags |= L2tpHeaderReader.L_BIT;
        if (header.sequencePresent()) flags |= L2tpHeaderReader.S_BIT;
        if (header.offsetPresent()) flags |= L2tpHeaderReader.O_BIT;
        if (header.priority()) flags |= L2tpHeaderReader.P_BIT;
        out.writeShort(flags);
        if (header.lengthPresent()) {
            if (messageLength > 0xFFFF) {
                throw new IllegalArgumentException(
                        "L2TP message of " + messageLength + " octets exceeds the Length field");
            }
            out.writeShort(messageLength);
        }
        out.writeShort(header.tunnelId());
        out.writeShort(header.sessionId());
        if (header.sequencePresent()) {
            out.writeShort(header.ns());
            out.writeShort(header.nr());
        }
        if (header.offsetPresent()) {
            out.writeShort(header.offsetSize());
            out.writeZero(header.offsetSize());
        }
    }
}
