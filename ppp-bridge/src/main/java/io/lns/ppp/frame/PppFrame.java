package io.lns.ppp.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;

/**
 * A PPP frame as carried in an L2TP data message (RFC 2661 §5.1, RFC 1661 §2): an optional
 * address/control field {@code FF 03} (absent when ACFC is in use, RFC 1661 §6.6), a protocol field
 * of one or two octets (PFC, RFC 1661 §6.5) and the information field.
 */
public record PppFrame(int protocol, byte[] information) {
    public static final int LCP = 0xC021;
    public static final int PAP = 0xC023;
    public static final int CHAP = 0xC223;
    public static final int IPCP = 0x8021;
    public static final int IPV6CP = 0x8057;
    public static final int IPV4 = 0x0021;
    public static final int IPV6 = 0x0057;

    public PppFrame {
        if (protocol < 0 || protocol > 0xFFFF) {
            throw new IllegalArgumentException("protocol out of range: " + protocol);
        }
        information = information.clone();
    }

    @Override
    public byte[] information() {
        return information.clone();
    }

    /** {@link #readHeader}: the address field {@code FF} is not followed by control {@code 03}. */
    public static final int BAD_CONTROL = -1;
    /** {@link #readHeader}: the frame ends before the protocol field. */
    public static final int NO_PROTOCOL = -2;
    /** {@link #readHeader}: the frame ends inside the protocol field. */
    public static final int TRUNCATED_PROTOCOL = -3;
    /** {@link #readHeader}: the protocol's least significant octet is even (RFC 1661 §2). */
    public static final int EVEN_PROTOCOL = -4;

    /**
     * Reads the optional address/control field {@code FF 03} (absent with ACFC) and the protocol
     * field (one octet with PFC) at {@code buf}'s reader index, in place: returns the protocol and
     * moves the index past them, or returns a negative code (index unchanged). The one parser of
     * PPP headers; the data path calls it per packet, so it neither copies nor throws.
     */
    public static int readHeader(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = buf.writerIndex();
        if (end - i >= 2 && buf.getUnsignedByte(i) == 0xFF) {
            if (buf.getUnsignedByte(i + 1) != 0x03) return BAD_CONTROL;
            i += 2;
        }
        if (i >= end) return NO_PROTOCOL;
        int first = buf.getUnsignedByte(i++);
        int protocol;
        if ((first & 1) == 1) {
            protocol = first; // compressed (PFC)
        } else {
            if (i >= end) return TRUNCATED_PROTOCOL;
            int second = buf.getUnsignedByte(i++);
            if ((second & 1) == 0) return EVEN_PROTOCOL;
            protocol = (first << 8) | second;
        }
        buf.readerIndex(i);
        return protocol;
    }

    public static PppFrame decode(ByteBuf buf) {
        return decode(ByteBufUtil.getBytes(buf));
    }

    public static PppFrame decode(byte[] frame) {
        ByteBuf buf = Unpooled.wrappedBuffer(frame);
        int protocol = readHeader(buf);
        return switch (protocol) {
            case BAD_CONTROL ->
                throw new PppDecodeException("control", "expected 0x03 after address 0xFF, got " + (frame[1] & 0xFF));
            case NO_PROTOCOL -> throw new PppDecodeException("protocol", "frame ends before the protocol field");
            case TRUNCATED_PROTOCOL -> throw new PppDecodeException("protocol", "frame ends inside the protocol field");
            case EVEN_PROTOCOL -> {
                int at = frame[0] == (byte) 0xFF ? 2 : 0;
                int field = (frame[at] & 0xFF) << 8 | (frame[at + 1] & 0xFF);
                throw new PppDecodeException(
                        "protocol", "least significant octet must be odd: 0x" + Integer.toHexString(field));
            }
            default -> new PppFrame(protocol, ByteBufUtil.getBytes(buf));
        };
    }

    /** Encodes with {@code FF 03} and a two-octet protocol field, as LCP always requires. */
    public byte[] encode() {
        return encode(false, false);
    }

    /**
     * @param omitAddressControl the peer accepted ACFC (never for LCP)
     * @param compressProtocol the peer accepted PFC and the protocol fits one octet (never for LCP)
     */
    public byte[] encode(boolean omitAddressControl, boolean compressProtocol) {
        boolean shortProtocol = compressProtocol && protocol < 0x100;
        int header = (omitAddressControl ? 0 : 2) + (shortProtocol ? 1 : 2);
        byte[] out = new byte[header + information.length];
        int i = 0;
        if (!omitAddressControl) {
            out[i++] = (byte) 0xFF;
            out[i++] = 0x03;
        }
        if (!shortProtocol) {
            out[i++] = (byte) (protocol >> 8);
        }
        out[i++] = (byte) protocol;
        System.arraycopy(information, 0, out, i, information.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PppFrame f && f.protocol == protocol && java.util.Arrays.equals(f.information, information);
    }

    @Override
    public int hashCode() {
        return protocol * 31 + java.util.Arrays.hashCode(information);
    }

    @Override
    public String toString() {
        return "PppFrame[protocol=0x" + Integer.toHexString(protocol) + ", information="
                + HexFormat.of().formatHex(information) + "]";
    }
}
