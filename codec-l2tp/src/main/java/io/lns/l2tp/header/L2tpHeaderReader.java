package io.lns.l2tp.header;

import static io.lns.l2tp.L2tpDecodeException.Reason.BAD_LENGTH;
import static io.lns.l2tp.L2tpDecodeException.Reason.BAD_VALUE;
import static io.lns.l2tp.L2tpDecodeException.Reason.L2F_PACKET;
import static io.lns.l2tp.L2tpDecodeException.Reason.L2TPV3_PACKET;
import static io.lns.l2tp.L2tpDecodeException.Reason.TRUNCATED;
import static io.lns.l2tp.L2tpDecodeException.Reason.UNKNOWN_VERSION;

import io.lns.l2tp.L2tpDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * Parses an L2TPv2 header (RFC 2661 §3.1) in place, without allocating: the data path reads a
 * header per packet through one reusable instance per thread; {@link #toHeader()} gives the
 * immutable value when one is wanted.
 *
 * <p>Reserved bits are ignored on receipt, as §3.1 requires. The Length field, when present,
 * bounds the message: octets after it (UDP padding) are not part of it.
 */
public final class L2tpHeaderReader {
    static final int T_BIT = 0x8000;
    static final int L_BIT = 0x4000;
    static final int S_BIT = 0x0800;
    static final int O_BIT = 0x0200;
    static final int P_BIT = 0x0100;
    static final int VERSION_MASK = 0x000F;

    private boolean control;
    private boolean lengthPresent;
    private boolean sequencePresent;
    private boolean offsetPresent;
    private boolean priority;
    private int length;
    private int tunnelId;
    private int sessionId;
    private int ns;
    private int nr;
    private int offsetSize;
    private int headerLength;
    private int messageLength;

    /**
     * Reads the header at {@code buf.readerIndex()}; the buffer's indexes are not moved.
     *
     * @throws L2tpDecodeException naming the field when the header is truncated, inconsistent, or
     *     not L2TPv2 (L2F and L2TPv3 are reported as such)
     */
    public void read(ByteBuf buf) throws L2tpDecodeException {
        final int base = buf.readerIndex();
        final int available = buf.writerIndex() - base;
        if (available < 2) throw new L2tpDecodeException(TRUNCATED, "flags and version", 0, need(2, available));
        final int flags = buf.getUnsignedShort(base);
        checkVersion(flags & VERSION_MASK);
        control = (flags & T_BIT) != 0;
        lengthPresent = (flags & L_BIT) != 0;
        sequencePresent = (flags & S_BIT) != 0;
        offsetPresent = (flags & O_BIT) != 0;
        priority = (flags & P_BIT) != 0;
        if (control) checkControlFlags();

        int pos = 2;
        if (lengthPresent) {
            if (available < pos + 2) throw new L2tpDecodeException(TRUNCATED, "Length", pos, need(pos + 2, available));
            length = buf.getUnsignedShort(base + pos);
            pos += 2;
        } else {
            length = L2tpHeader.ABSENT;
        }
        if (available < pos + 4) {
            throw new L2tpDecodeException(TRUNCATED, "Tunnel ID and Session ID", pos, need(pos + 4, available));
        }
        tunnelId = buf.getUnsignedShort(base + pos);
        sessionId = buf.getUnsignedShort(base + pos + 2);
        pos += 4;
        if (sequencePresent) {
            if (available < pos + 4)
                throw new L2tpDecodeException(TRUNCATED, "Ns and Nr", pos, need(pos + 4, available));
            ns = buf.getUnsignedShort(base + pos);
            nr = buf.getUnsignedShort(base + pos + 2);
            pos += 4;
        } else {
            ns = L2tpHeader.ABSENT;
            nr = L2tpHeader.ABSENT;
        }
        if (offsetPresent) {
            if (available < pos + 2) {
                throw new L2tpDecodeException(TRUNCATED, "Offset Size", pos, need(pos + 2, available));
            }
            offsetSize = buf.getUnsignedShort(base + pos);
            pos += 2;
        } else {
            offsetSize = L2tpHeader.ABSENT;
        }
        final int fixedLength = pos;
        messageLength = available;
        if (lengthPresent) {
            if (length > available) {
                throw new L2tpDecodeException(
                        BAD_LENGTH, "Length", 2, "says " + length + " octets but the datagram has " + available);
            }
            if (length < fixedLength) {
                throw new L2tpDecodeException(
                        BAD_LENGTH,
                        "Length",
                        2,
                        "says " + length + " octets, shorter than the header (" + fixedLength + ")");
            }
            messageLength = length;
        }
        if (offsetPresent && fixedLength + offsetSize > messageLength) {
            throw new L2tpDecodeException(
                    BAD_LENGTH,
                    "Offset Size",
                    fixedLength - 2,
                    "padding of " + offsetSize + " octets runs past the end of the message (" + messageLength + ")");
        }
        headerLength = fixedLength + (offsetPresent ? offsetSize : 0);
    }

    private static void checkVersion(int version) throws L2tpDecodeException {
        switch (version) {
            case L2tpHeader.VERSION -> {}
            case 1 ->
                throw new L2tpDecodeException(L2F_PACKET, "Ver", 1, "version 1: an L2F packet (RFC 2341), not L2TP");
            case 3 ->
                throw new L2tpDecodeException(
                        L2TPV3_PACKET, "Ver", 1, "version 3: an L2TPv3 packet (RFC 3931); only L2TPv2 is served");
            default -> throw new L2tpDecodeException(UNKNOWN_VERSION, "Ver", 1, "unknown version " + version);
        }
    }

    private void checkControlFlags() throws L2tpDecodeException {
        if (!lengthPresent) throw new L2tpDecodeException(BAD_VALUE, "L bit", 0, "a control message must carry Length");
        if (!sequencePresent)
            throw new L2tpDecodeException(BAD_VALUE, "S bit", 0, "a control message must carry Ns and Nr");
        if (offsetPresent)
            throw new L2tpDecodeException(BAD_VALUE, "O bit", 0, "a control message must not carry Offset Size");
        if (priority)
            throw new L2tpDecodeException(BAD_VALUE, "P bit", 0, "the Priority bit is for data messages only");
    }

    private static String need(int needed, int available) {
        return "needs " + needed + " octets, datagram has " + available;
    }

    public boolean control() {
        return control;
    }

    public boolean lengthPresent() {
        return lengthPresent;
    }

    public boolean sequencePresent() {
        return sequencePresent;
    }

    public boolean offsetPresent() {
        return offsetPresent;
    }

    public boolean priority() {
        return priority;
    }

    public int tunnelId() {
        return tunnelId;
    }

    public int sessionId() {
        return sessionId;
    }

    /** Ns, or {@link L2tpHeader#ABSENT}. */
    public int ns() {
        return ns;
    }

    /** Nr, or {@link L2tpHeader#ABSENT}. */
    public int nr() {
        return nr;
    }

    /** Octets from the start of the header to the first payload (or AVP) octet. */
    public int headerLength() {
        return headerLength;
    }

    /** Octets of the whole message: the Length field when present, else the datagram. */
    public int messageLength() {
        return messageLength;
    }

    /** Octets of payload (data message) or AVPs (control message). */
    public int payloadLength() {
        return messageLength - headerLength;
    }

    public L2tpHeader toHeader() {
        return new L2tpHeader(
                control,
                lengthPresent,
                sequencePresent,
                offsetPresent,
                priority,
                length,
                tunnelId,
                sessionId,
                ns,
                nr,
                offsetSize);
    }
}
