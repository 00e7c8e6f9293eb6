package io.lns.l2tp.fuzz;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.UnrecognizedValue;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Objects;

/**
 * What every fuzz target checks of a decode: the only failure is an {@link L2tpDecodeException}
 * (anything else propagates and is a finding); the result describes the datagram's octets and no
 * others; the buffer is neither moved nor leaked.
 */
final class FuzzChecks {
    /** The secret the hidden-AVP seeds were made with (see scripts/fuzz-seeds.py). */
    static final TunnelSecret SECRET = TunnelSecret.of("lns-fuzz-secret");

    static final AvpDictionary DICTIONARY = AvpDictionary.standard();
    static final L2tpPacketDecoder DECODER = L2tpPacketDecoder.standard();
    static final L2tpPacketEncoder ENCODER = L2tpPacketEncoder.standard();

    private static final int CONTROL_HEADER = 12;
    private static final int AVP_HEADER = 6;
    private static final int MAX_AVP = 1023;
    private static final int CANARY = 0xA5;

    private FuzzChecks() {}

    /** A decode outcome: a packet (a data message's payload copied out), or the exception. */
    record Outcome(L2tpPacket packet, byte[] payload, L2tpDecodeException error) {
        boolean rejected() {
            return error != null;
        }

        ControlMessage control() {
            return packet instanceof ControlMessage c ? c : null;
        }

        /** Equal results: same packet (payload by content) or same reason, field and offset. */
        void assertSameAs(Outcome other, String what) {
            boolean same;
            if (rejected() || other.rejected()) {
                same = rejected()
                        && other.rejected()
                        && error.reason() == other.error.reason()
                        && error.field().equals(other.error.field())
                        && error.offset() == other.error.offset();
            } else if (packet instanceof DataMessage) {
                same = other.packet instanceof DataMessage
                        && packet.header().equals(other.packet.header())
                        && Arrays.equals(payload, other.payload);
            } else {
                same = packet.equals(other.packet);
            }
            check(same, what + ": " + this + " vs " + other);
        }
    }

    /**
     * Decodes {@code data} twice, from a buffer of exactly its size and from the middle of a larger
     * buffer whose other octets are canaries, checks both agree and everything {@link
     * #checkPacket} checks, and returns the outcome.
     */
    static Outcome decode(byte[] data, TunnelSecret secret) {
        Outcome tight = decodeAt(data, secret, 0, 0);
        Outcome embedded = decodeAt(data, secret, 5, 7);
        tight.assertSameAs(embedded, "decoding at another buffer index");
        return tight;
    }

    private static Outcome decodeAt(byte[] data, TunnelSecret secret, int before, int after) {
        ByteBuf buf = Unpooled.buffer(before + data.length + after);
        for (int i = 0; i < before; i++) buf.writeByte(CANARY);
        buf.writeBytes(data);
        for (int i = 0; i < after; i++) buf.writeByte(CANARY);
        buf.setIndex(before, before + data.length);
        try {
            L2tpPacket packet;
            try {
                packet = DECODER.decode(buf, secret);
            } catch (L2tpDecodeException e) {
                check(e.reason() != null && e.field() != null, "exception without reason or field");
                check(e.offset() >= 0 && e.offset() <= data.length, "offset " + e.offset() + " outside the datagram");
                return new Outcome(null, null, e);
            }
            check(buf.readerIndex() == before && buf.writerIndex() == before + data.length, "buffer indexes moved");
            byte[] payload = null;
            if (packet instanceof DataMessage dm) {
                check(buf.refCnt() == 2, "a data message holds one reference to the datagram");
                payload = checkData(dm, buf, before, data);
                check(!dm.release(), "the payload slice released the datagram");
            } else {
                checkControl((ControlMessage) packet, data, secret != null);
            }
            check(buf.refCnt() == 1, "the decoder leaked a reference: refCnt " + buf.refCnt());
            return new Outcome(packet, payload, null);
        } finally {
            buf.release();
        }
    }

    /** The payload is a slice of the datagram, after the header and within the Length. */
    private static byte[] checkData(DataMessage dm, ByteBuf buf, int base, byte[] data) {
        L2tpHeader h = dm.header();
        int headerLength = h.encodedLength();
        int n = dm.payload().readableBytes();
        check(headerLength + n <= data.length, "payload runs past the datagram");
        int messageLength = h.lengthPresent() ? h.length() : data.length;
        check(headerLength + n == messageLength, "payload is not the rest of the message");
        byte[] payload = ByteBufUtil.getBytes(dm.payload());
        check(
                Arrays.equals(payload, Arrays.copyOfRange(data, headerLength, headerLength + n)),
                "payload octets are not the datagram's");
        // A slice of the datagram (no copy): a write through the datagram shows in the payload.
        if (n > 0) {
            byte old = buf.getByte(base + headerLength);
            buf.setByte(base + headerLength, old ^ 0xFF);
            boolean shared = dm.payload().getByte(dm.payload().readerIndex()) == (byte) (old ^ 0xFF);
            buf.setByte(base + headerLength, old);
            check(shared, "payload is not a slice of the datagram");
        }
        return payload;
    }

    /**
     * Walks the AVPs on the wire alongside the decoded ones: flags, ids and lengths agree, raw
     * octets are the wire's, and typed values re-encode to exactly the wire's octets (hidden ones,
     * once revealed, are only bounded by the wire length).
     */
    private static void checkControl(ControlMessage m, byte[] data, boolean revealed) {
        L2tpHeader h = m.header();
        check(h.control() && h.lengthPresent() && h.sequencePresent(), "control header flags");
        check(h.length() >= CONTROL_HEADER && h.length() <= data.length, "Length " + h.length() + " out of range");
        int p = CONTROL_HEADER;
        for (Avp avp : m.avps()) {
            check(p + AVP_HEADER <= h.length(), "AVP beyond the message");
            int flags = ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
            int length = flags & 0x3FF;
            check(length >= AVP_HEADER && p + length <= h.length(), "AVP length " + length + " at " + p);
            check(avp.mandatory() == ((flags & 0x8000) != 0), "M bit");
            check(avp.hidden() == ((flags & 0x4000) != 0), "H bit");
            check(avp.reservedBits() == ((flags >>> 10) & 0xF), "reserved bits");
            check(avp.vendorId() == (((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF)), "vendor id");
            check(avp.type() == (((data[p + 4] & 0xFF) << 8) | (data[p + 5] & 0xFF)), "attribute type");
            byte[] wire = Arrays.copyOfRange(data, p + AVP_HEADER, p + length);
            Octets raw = avp.value() instanceof UnrecognizedValue u
                    ? u.raw()
                    : avp.value() instanceof InvalidValue iv ? iv.raw() : null;
            if (raw != null) {
                check(Arrays.equals(raw.unsafeArray(), wire), "raw octets are not the wire's");
            } else {
                AvpDescriptor<?> d = DICTIONARY.find(avp.vendorId(), avp.type());
                check(d != null && d.valueClass() == avp.value().getClass(), "value of the wrong class");
                ByteBuf out = Unpooled.buffer();
                d.encodeValue(avp.value(), out);
                byte[] encoded = ByteBufUtil.getBytes(out);
                out.release();
                if (avp.hidden()) {
                    check(revealed, "a typed hidden value without a secret");
                    check(encoded.length + 2 <= wire.length, "revealed value longer than its hidden form");
                } else {
                    check(Arrays.equals(encoded, wire), "typed value does not re-encode to the wire octets: " + avp);
                }
            }
            check(length <= MAX_AVP, "AVP over 1023 octets");
            p += length;
        }
        check(p == h.length(), "AVPs end at " + p + ", the message at " + h.length());
    }

    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    static void checkEquals(Object want, Object got, String what) {
        if (!Objects.equals(want, got)) throw new AssertionError(what + ": expected " + want + " but was " + got);
    }
}
