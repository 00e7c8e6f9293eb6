package io.lns.server.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds classic pcap and pcapng file images for tests. */
public final class CaptureFiles {
    private CaptureFiles() {}

    /** Classic pcap. */
    public static final class Pcap {
        private final ByteOrder order;
        private final boolean nanos;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Pcap(ByteOrder order, boolean nanos, int linkType) {
            this(order, nanos, linkType, 65535);
        }

        public Pcap(ByteOrder order, boolean nanos, int linkType, int snapLength) {
            this.order = order;
            this.nanos = nanos;
            out.writeBytes(buffer(24)
                    .putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4)
                    .putShort((short) 2)
                    .putShort((short) 4)
                    .putInt(0)
                    .putInt(0)
                    .putInt(snapLength)
                    .putInt(linkType)
                    .array());
        }

        boolean nanos() {
            return nanos;
        }

        public Pcap packet(long seconds, long fraction, byte[] data) {
            return packet(seconds, fraction, data, data.length);
        }

        /** A record whose original length may exceed the captured bytes (snaplen). */
        public Pcap packet(long seconds, long fraction, byte[] data, long originalLength) {
            out.writeBytes(buffer(16)
                    .putInt((int) seconds)
                    .putInt((int) fraction)
                    .putInt(data.length)
                    .putInt((int) originalLength)
                    .array());
            out.writeBytes(data);
            return this;
        }

        Pcap raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private ByteBuffer buffer(int size) {
            return ByteBuffer.allocate(size).order(order);
        }
    }

    /** pcapng; {@link #section(ByteOrder)} starts a section and sets the byte order of what follows. */
    static final class Pcapng {
        static final int SHB = 0x0A0D0D0A;
        static final int IDB = 1;
        static final int SPB = 3;
        static final int NRB = 4;
        static final int EPB = 6;

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        Pcapng section(ByteOrder byteOrder) {
            this.order = byteOrder;
            return block(
                    SHB,
                    buffer(16)
                            .putInt(0x1A2B3C4D)
                            .putShort((short) 1)
                            .putShort((short) 0)
                            .putLong(-1)
                            .array());
        }

        Pcapng interfaceBlock(int linkType) {
            return interfaceBlock(linkType, 0, null, null);
        }

        /** @param tsresol if_tsresol option byte, or null; @param tsoffset if_tsoffset, or null */
        Pcapng interfaceBlock(int linkType, int snapLength, Integer tsresol, Long tsoffset) {
            ByteBuffer b =
                    buffer(64).putShort((short) linkType).putShort((short) 0).putInt(snapLength);
            b.putShort((short) 2)
                    .putShort((short) 2)
                    .put((byte) 'l')
                    .put((byte) 'o')
                    .putShort((short) 0); // if_name
            if (tsresol != null) {
                b.putShort((short) 9)
                        .putShort((short) 1)
                        .put(tsresol.byteValue())
                        .put(new byte[3]);
            }
            if (tsoffset != null) {
                b.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
            }
            b.putShort((short) 0).putShort((short) 0); // opt_endofopt
            return block(IDB, slice(b));
        }

        Pcapng packet(int interfaceId, long ticks, byte[] data) {
            return packet(interfaceId, ticks, data, data.length);
        }

        Pcapng packet(int interfaceId, long ticks, byte[] data, long originalLength) {
            ByteBuffer b = buffer(20 + pad(data.length) + 12)
                    .putInt(interfaceId)
                    .putInt((int) (ticks >>> 32))
                    .putInt((int) ticks)
                    .putInt(data.length)
                    .putInt((int) originalLength)
                    .put(data)
                    .put(new byte[pad(data.length) - data.length]);
            b.putShort((short) 1).putShort((short) 4).put("note".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            b.putShort((short) 0).putShort((short) 0);
            return block(EPB, slice(b));
        }

        Pcapng simplePacket(byte[] data, long originalLength) {
            return block(
                    SPB,
                    buffer(4 + pad(data.length))
                            .putInt((int) originalLength)
                            .put(data)
                            .array());
        }

        /** A block with the given body (padded to 4 bytes) and correct lengths. */
        Pcapng block(int type, byte[] body) {
            int length = 12 + pad(body.length);
            out.writeBytes(buffer(length)
                    .putInt(type)
                    .putInt(length)
                    .put(body)
                    .put(new byte[pad(body.length) - body.length])
                    .putInt(length)
                    .array());
            return this;
        }

        Pcapng raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Pcapng rawInt(int value) {
            return raw(buffer(4).putInt(value).array());
        }

        public byte[] bytes() {
            return out.toByteArray();
        }

        private ByteBuffer buffer(int size) {
            return ByteBuffer.allocate(size).order(order);
        }

        private static byte[] slice(ByteBuffer b) {
            byte[] r = new byte[b.position()];
            System.arraycopy(b.array(), 0, r, 0, r.length);
            return r;
        }

        private static int pad(int n) {
            return (n + 3) & ~3;
        }
    }
}
