package io.lns.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink message: the 16-byte {@code nlmsghdr}, a family header written field by field,
 * then attributes (type-length-value, each padded to 4 bytes, nests allowed). Pure: no socket, so
 * tests compare exact bytes. Integers are in host order (little endian on x86_64); addresses are
 * written as the network-order bytes the caller gives.
 *
 * <p>The sequence number is filled in by {@link #build(int)}, which the socket calls when it sends.
 */
final class NetlinkMessageBuilder {
    static final int HEADER_LENGTH = 16;
    static final int NLA_F_NESTED = 0x8000;

    private ByteBuffer buffer = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    private final int type;
    private final int flags;
    private final String description;

    /**
     * @param description what this request does, for error messages, e.g. {@code "RTM_NEWLINK(lns0 up)"}
     */
    NetlinkMessageBuilder(int type, int flags, String description) {
        this.type = type;
        this.flags = flags;
        this.description = description;
        buffer.position(HEADER_LENGTH);
    }

    String description() {
        return description;
    }

    int type() {
        return type;
    }

    int flags() {
        return flags;
    }

    NetlinkMessageBuilder u8(int value) {
        ensure(1).put((byte) value);
        return this;
    }

    NetlinkMessageBuilder u16(int value) {
        ensure(2).putShort((short) value);
        return this;
    }

    NetlinkMessageBuilder u32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    NetlinkMessageBuilder bytes(byte[] value) {
        ensure(value.length).put(value);
        return this;
    }

    NetlinkMessageBuilder attrU8(int attrType, int value) {
        return attr(attrType, new byte[] {(byte) value});
    }

    NetlinkMessageBuilder attrU16(int attrType, int value) {
        return attr(
                attrType,
                ByteBuffer.allocate(2)
                        .order(ByteOrder.nativeOrder())
                        .putShort((short) value)
                        .array());
    }

    NetlinkMessageBuilder attrU32(int attrType, int value) {
        return attr(
                attrType,
                ByteBuffer.allocate(4)
                        .order(ByteOrder.nativeOrder())
                        .putInt(value)
                        .array());
    }

    NetlinkMessageBuilder attrU64(int attrType, long value) {
        return attr(
                attrType,
                ByteBuffer.allocate(8)
                        .order(ByteOrder.nativeOrder())
                        .putLong(value)
                        .array());
    }

    /** A NUL-terminated string attribute (NLA_NUL_STRING / NLA_STRING both accept the terminator). */
    NetlinkMessageBuilder attrString(int attrType, String value) {
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        return attr(attrType, Arrays.copyOf(text, text.length + 1));
    }

    /** A zero-length attribute (NLA_FLAG). */
    NetlinkMessageBuilder attrFlag(int attrType) {
        return attr(attrType, new byte[0]);
    }

    NetlinkMessageBuilder attr(int attrType, byte[] value) {
        int length = 4 + value.length;
        ensure(align(length));
        buffer.putShort((short) length).putShort((short) attrType).put(value);
        pad();
        return this;
    }

    /** Opens a nested attribute; returns the mark to hand to {@link #endNested(int)}. */
    int beginNested(int attrType) {
        ensure(4);
        int mark = buffer.position();
        buffer.putShort((short) 0).putShort((short) (attrType | NLA_F_NESTED));
        return mark;
    }

    NetlinkMessageBuilder endNested(int mark) {
        buffer.putShort(mark, (short) (buffer.position() - mark));
        return this;
    }

    /** The finished message with the given sequence number and port id 0 (the kernel). */
    byte[] build(int seq) {
        pad();
        int length = buffer.position();
        ByteBuffer out = buffer.duplicate().order(ByteOrder.nativeOrder());
        out.putInt(0, length)
                .putShort(4, (short) type)
                .putShort(6, (short) flags)
                .putInt(8, seq)
                .putInt(12, 0);
        return Arrays.copyOf(buffer.array(), length);
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }

    private void pad() {
        int aligned = align(buffer.position());
        ensure(aligned - buffer.position());
        while (buffer.position() < aligned) {
            buffer.put((byte) 0);
        }
    }

    private ByteBuffer ensure(int extra) {
        if (buffer.remaining() < extra) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + extra))
                    .order(ByteOrder.nativeOrder());
            bigger.put(buffer.array(), 0, buffer.position());
            buffer = bigger;
        }
        return buffer;
    }
}
