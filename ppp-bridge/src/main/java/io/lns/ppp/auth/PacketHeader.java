package io.lns.ppp.auth;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The Code / Identifier / Length header shared by PAP and CHAP packets (RFC 1661 §5 layout). The
 * body is the {@code Length - 4} octets after the header; octets beyond Length are padding and
 * are ignored.
 */
record PacketHeader(int code, int identifier, byte[] body) {
    static final int SIZE = 4;

    /** Reads one packet from {@code buf}'s readable bytes and consumes all of them. */
    static PacketHeader read(ByteBuf buf) {
        int readable = buf.readableBytes();
        if (readable < SIZE) {
            throw new AuthDecodeException("packet shorter than its 4-octet header: " + readable);
        }
        int start = buf.readerIndex();
        int code = buf.getUnsignedByte(start);
        int id = buf.getUnsignedByte(start + 1);
        int length = buf.getUnsignedShort(start + 2);
        if (length < SIZE) {
            throw new AuthDecodeException("Length field " + length + " < 4");
        }
        if (length > readable) {
            throw new AuthDecodeException("Length field " + length + " exceeds " + readable + " octets");
        }
        byte[] body = new byte[length - SIZE];
        buf.getBytes(start + SIZE, body);
        buf.skipBytes(readable);
        return new PacketHeader(code, id, body);
    }

    static void write(ByteBuf out, int code, int identifier, byte[]... parts) {
        int length = SIZE;
        for (byte[] p : parts) {
            length += p.length;
        }
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("packet too long: " + length);
        }
        checkId(identifier);
        out.writeByte(code).writeByte(identifier).writeShort(length);
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
    }

    static void checkId(int identifier) {
        if (identifier < 0 || identifier > 0xFF) {
            throw new IllegalArgumentException("identifier out of range: " + identifier);
        }
    }

    /** A one-octet length prefix followed by {@code value}. */
    static byte[] lengthPrefixed(byte[] value, String what) {
        if (value.length > 0xFF) {
            throw new IllegalArgumentException(what + " longer than 255 octets: " + value.length);
        }
        byte[] r = new byte[value.length + 1];
        r[0] = (byte) value.length;
        System.arraycopy(value, 0, r, 1, value.length);
        return r;
    }

    /** Cursor over a body for length-prefixed fields. */
    static final class Reader {
        private final byte[] body;
        private int pos;

        Reader(byte[] body) {
            this.body = body;
        }

        byte[] lengthPrefixed(String what) {
            if (pos >= body.length) {
                throw new AuthDecodeException(what + "-Length missing");
            }
            int n = body[pos] & 0xFF;
            if (pos + 1 + n > body.length) {
                throw new AuthDecodeException(
                        what + " of " + n + " octets overruns the packet (" + (body.length - pos - 1) + " left)");
            }
            byte[] r = Arrays.copyOfRange(body, pos + 1, pos + 1 + n);
            pos += 1 + n;
            return r;
        }

        byte[] rest() {
            byte[] r = Arrays.copyOfRange(body, pos, body.length);
            pos = body.length;
            return r;
        }
    }
}
