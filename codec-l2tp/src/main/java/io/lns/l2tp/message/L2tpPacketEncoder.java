package io.lns.l2tp.message;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.UnrecognizedValue;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.header.L2tpHeaderWriter;
import io.lns.l2tp.hidden.HiddenAvpCipher;
import io.lns.l2tp.hidden.HidingKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Encodes {@link L2tpPacket}s. Length fields are computed; AVPs marked hidden are hidden with a
 * {@link HidingKey}, after the message's latest Random Vector AVP or a fresh one the encoder adds
 * (§4.3). Raw and invalid AVP values are written back exactly as they were received.
 */
public final class L2tpPacketEncoder {
    private static final int MAX_AVP_LENGTH = 1023;

    private final AvpDictionary dictionary;

    public L2tpPacketEncoder(AvpDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public static L2tpPacketEncoder standard() {
        return new L2tpPacketEncoder(AvpDictionary.standard());
    }

    /** Writes a control message without hidden AVPs. */
    public void encode(ControlMessage message, ByteBuf out) {
        encode(message, out, null);
    }

    /**
     * Writes a control message; {@code hiding} may be null when no AVP is marked hidden.
     *
     * @throws IllegalArgumentException for a message that cannot be put on the wire (an AVP over
     *     1023 octets, a hidden AVP without a key, a value not in the dictionary)
     */
    public void encode(ControlMessage message, ByteBuf out, HidingKey hiding) {
        int start = out.writerIndex();
        L2tpHeaderWriter.write(message.header(), 0, out);
        byte[] randomVector = null;
        for (Avp avp : message.avps()) {
            if (!avp.hidden() && avp.value() instanceof RandomVector rv)
                randomVector = rv.value().unsafeArray();
            if (avp.hidden() && avp.decoded()) {
                if (hiding == null)
                    throw new IllegalArgumentException("hidden AVP " + avp.type() + " needs a HidingKey");
                if (randomVector == null) {
                    randomVector = hiding.newRandomVector();
                    writeAvp(Avp.of(new RandomVector(Octets.of(randomVector))), out, null, null);
                }
            }
            writeAvp(avp, out, hiding, randomVector);
        }
        int length = out.writerIndex() - start;
        if (length > 0xFFFF) throw new IllegalArgumentException("control message of " + length + " octets");
        out.setShort(start + 2, length);
    }

    /** Encodes any packet into a new buffer; a data message's payload is taken over, not copied. */
    public ByteBuf encode(L2tpPacket packet, ByteBufAllocator alloc, HidingKey hiding) {
        return switch (packet) {
            case ControlMessage c -> {
                ByteBuf out = alloc.ioBuffer(128);
                try {
                    encode(c, out, hiding);
                } catch (RuntimeException e) {
                    out.release();
                    throw e;
                }
                yield out;
            }
            case DataMessage d -> {
                ByteBuf header = alloc.ioBuffer(d.header().encodedLength());
                writeDataHeader(d.header(), d.payload().readableBytes(), header);
                CompositeByteBuf datagram = alloc.compositeDirectBuffer(2);
                yield datagram.addComponents(true, header, d.payload());
            }
        };
    }

    /** Writes a data message header for a payload of {@code payloadLength} octets that follows it. */
    public static void writeDataHeader(L2tpHeader header, int payloadLength, ByteBuf out) {
        L2tpHeaderWriter.write(header, header.encodedLength() + payloadLength, out);
    }

    private void writeAvp(Avp avp, ByteBuf out, HidingKey hiding, byte[] randomVector) {
        AvpValue value = avp.value();
        Octets raw =
                value instanceof UnrecognizedValue u ? u.raw() : value instanceof InvalidValue iv ? iv.raw() : null;
        if (raw != null) {
            writeHeader(avp, 6 + raw.length(), out);
            out.writeBytes(raw.unsafeArray());
            return;
        }
        AvpDescriptor<?> d = dictionary.forValueClass(value.getClass());
        if (d == null || d.vendorId() != avp.vendorId() || d.type() != avp.type()) {
            throw new IllegalArgumentException(
                    value.getClass().getSimpleName() + " does not encode AVP " + avp.vendorId() + "/" + avp.type());
        }
        if (avp.hidden()) {
            ByteBuf plain = Unpooled.buffer();
            d.encodeValue(value, plain);
            byte[] hidden = HiddenAvpCipher.hide(
                    avp.type(), hiding.secret().bytes(), randomVector, ByteBufUtil.getBytes(plain), hiding.random());
            writeHeader(avp, 6 + hidden.length, out);
            out.writeBytes(hidden);
            return;
        }
        int at = out.writerIndex();
        writeHeader(avp, 0, out);
        d.encodeValue(value, out);
        int length = out.writerIndex() - at;
        if (length > MAX_AVP_LENGTH) {
            throw new IllegalArgumentException(d.name() + " AVP of " + length + " octets exceeds 1023");
        }
        out.setShort(at, flags(avp) | length);
    }

    private static void writeHeader(Avp avp, int length, ByteBuf out) {
        if (length > MAX_AVP_LENGTH) throw new IllegalArgumentException("AVP of " + length + " octets exceeds 1023");
        out.writeShort(flags(avp) | length);
        out.writeShort(avp.vendorId());
        out.writeShort(avp.type());
    }

    private static int flags(Avp avp) {
        return (avp.mandatory() ? AvpListDecoder.M_BIT : 0)
                | (avp.hidden() ? AvpListDecoder.H_BIT : 0)
                | (avp.reservedBits() << AvpListDecoder.RESERVED_SHIFT);
    }
}
