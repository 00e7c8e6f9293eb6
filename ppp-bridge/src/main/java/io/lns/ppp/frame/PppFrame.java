package io.lns.ppp.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
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

    public static PppFrame decode(ByteBuf buf) {
        return decode(ByteBufUtil.getBytes(buf));
    }

    public static PppFrame decode(byte[] frame) {
        int i = 0;
        if (frame.length >= 2 && (frame[0] & 0xFF) == 0xFF) {
            if ((frame[1] & 0xFF) != 0x03) {
                throw new PppDecodeException("control", "expected 0x03 after address 0xFF, got " + (frame[1] & 0xFF));
            }
            i = 2;
        }
        if (i >= frame.length) {
            throw new PppDecodeException("protocol", "frame ends before the protocol field");
        }
        int first = frame[i++] & 0xFF;
        int protocol;
        if ((first & 1) == 1) {
            protocol = first; // compressed (PFC)
        } else {
            if (i >= frame.length) {
                throw new PppDecodeException("protocol", "frame ends inside the protocol field");
            }
            int second = frame[i++] & 0xFF;
            if ((second & 1) == 0) {
                throw new PppDecodeException(
                        "protocol",
                        "least significant octet must be odd: 0x" + Integer.toHexString((first << 8) | second));
            }
            protocol = (first << 8) | second;
        }
        byte[] info = new byte[frame.length - i];
        System.arraycopy(frame, i, info, 0, info.length);
        return new PppFrame(protocol, info);
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
