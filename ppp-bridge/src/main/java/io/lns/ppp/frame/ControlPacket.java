package io.lns.ppp.frame;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A control-protocol packet (LCP, IPCP, IPv6CP; RFC 1661 §5): code, identifier, length and data.
 * Octets after {@code length} are padding and are dropped on decode.
 */
public record ControlPacket(int code, int identifier, byte[] data) {
    public static final int CONFIGURE_REQUEST = 1;
    public static final int CONFIGURE_ACK = 2;
    public static final int CONFIGURE_NAK = 3;
    public static final int CONFIGURE_REJECT = 4;
    public static final int TERMINATE_REQUEST = 5;
    public static final int TERMINATE_ACK = 6;
    public static final int CODE_REJECT = 7;
    public static final int PROTOCOL_REJECT = 8;
    public static final int ECHO_REQUEST = 9;
    public static final int ECHO_REPLY = 10;
    public static final int DISCARD_REQUEST = 11;

    public static final int HEADER_LENGTH = 4;

    public ControlPacket {
        if (code < 0 || code > 0xFF || identifier < 0 || identifier > 0xFF) {
            throw new IllegalArgumentException("code and identifier are octets");
        }
        if (data.length > 0xFFFF - HEADER_LENGTH) {
            throw new IllegalArgumentException("data too long: " + data.length);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return HEADER_LENGTH + data.length;
    }

    public static ControlPacket decode(byte[] info) {
        if (info.length < HEADER_LENGTH) {
            throw new PppDecodeException("length", "packet of " + info.length + " octets is shorter than the header");
        }
        int length = ((info[2] & 0xFF) << 8) | (info[3] & 0xFF);
        if (length < HEADER_LENGTH) {
            throw new PppDecodeException("length", "length field " + length + " is less than 4");
        }
        if (length > info.length) {
            throw new PppDecodeException(
                    "length", "length field " + length + " exceeds the " + info.length + " octets received");
        }
        return new ControlPacket(info[0] & 0xFF, info[1] & 0xFF, Arrays.copyOfRange(info, HEADER_LENGTH, length));
    }

    public byte[] encode() {
        byte[] out = new byte[length()];
        out[0] = (byte) code;
        out[1] = (byte) identifier;
        out[2] = (byte) (out.length >> 8);
        out[3] = (byte) out.length;
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlPacket p
                && p.code == code
                && p.identifier == identifier
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return (code * 31 + identifier) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ControlPacket[code=" + code + ", id=" + identifier + ", data="
                + HexFormat.of().formatHex(data) + "]";
    }
}
