package io.lns.l2tp.message;

import static io.lns.l2tp.L2tpDecodeException.Reason.BAD_LENGTH;
import static io.lns.l2tp.L2tpDecodeException.Reason.TRUNCATED;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpCodecs;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.AvpValueException;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.InvalidValue.Problem;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.UnrecognizedValue;
import io.lns.l2tp.hidden.HiddenAvpCipher;
import io.lns.l2tp.hidden.TunnelSecret;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the AVPs of a control message (RFC 2661 §4.1). Structure errors (an AVP header or length
 * that does not fit) fail the message; a bad value only fails its AVP, which is kept as an
 * {@link InvalidValue} so the control plane can apply §4.2.
 */
final class AvpListDecoder {
    static final int AVP_HEADER = 6;
    static final int M_BIT = 0x8000;
    static final int H_BIT = 0x4000;
    static final int RESERVED_SHIFT = 10;
    static final int LENGTH_MASK = 0x03FF;

    private AvpListDecoder() {}

    /**
     * @param base index of the L2TP header in {@code buf}; offsets in errors are relative to it
     * @param start index of the first AVP
     * @param end index after the last octet of the message
     * @param secret tunnel secret for hidden AVPs, or null
     */
    static List<Avp> decode(ByteBuf buf, int base, int start, int end, AvpDictionary dictionary, TunnelSecret secret)
            throws L2tpDecodeException {
        List<Avp> avps = new ArrayList<>(Math.min(16, (end - start) / AVP_HEADER));
        byte[] randomVector = null;
        int p = start;
        while (p < end) {
            if (end - p < AVP_HEADER) {
                throw new L2tpDecodeException(
                        TRUNCATED, "AVP header", p - base, "needs 6 octets, " + (end - p) + " left in the message");
            }
            int flags = buf.getUnsignedShort(p);
            int length = flags & LENGTH_MASK;
            if (length < AVP_HEADER) {
                throw new L2tpDecodeException(
                        BAD_LENGTH, "AVP length", p - base, "length " + length + " is below the 6-octet AVP header");
            }
            if (length > end - p) {
                throw new L2tpDecodeException(
                        BAD_LENGTH,
                        "AVP length",
                        p - base,
                        "length " + length + " runs past the end of the message (" + (end - p) + " octets left)");
            }
            boolean mandatory = (flags & M_BIT) != 0;
            boolean hidden = (flags & H_BIT) != 0;
            int reserved = (flags >>> RESERVED_SHIFT) & 0xF;
            int vendorId = buf.getUnsignedShort(p + 2);
            int type = buf.getUnsignedShort(p + 4);
            int valueIndex = p + AVP_HEADER;
            int valueLength = length - AVP_HEADER;

            // §4.1: an AVP with a reserved bit set is treated as unrecognized.
            AvpDescriptor<?> descriptor = reserved != 0 ? null : dictionary.find(vendorId, type);
            AvpValue value;
            if (descriptor == null) {
                value = new UnrecognizedValue(AvpCodecs.readOctets(buf, valueIndex, valueLength));
            } else if (!hidden) {
                value = decodeValue(descriptor, buf, valueIndex, valueLength);
            } else {
                value = reveal(descriptor, AvpCodecs.readOctets(buf, valueIndex, valueLength), randomVector, secret);
            }
            if (!hidden && value instanceof RandomVector rv)
                randomVector = rv.value().unsafeArray();
            avps.add(new Avp(mandatory, hidden, reserved, vendorId, type, value));
            p += length;
        }
        return avps;
    }

    /** Reveals a hidden AVP, or says why it cannot be (§4.3). */
    static AvpValue reveal(AvpDescriptor<?> descriptor, Octets hidden, byte[] randomVector, TunnelSecret secret) {
        if (randomVector == null) {
            return new InvalidValue(hidden, Problem.HIDDEN_WITHOUT_RANDOM_VECTOR, "no Random Vector AVP precedes it");
        }
        if (secret == null) {
            return new InvalidValue(hidden, Problem.HIDDEN_NO_SECRET, "hidden, and no tunnel secret to reveal it");
        }
        return switch (HiddenAvpCipher.reveal(descriptor.type(), secret.bytes(), randomVector, hidden.unsafeArray())) {
            case HiddenAvpCipher.Revealed.Value v -> {
                AvpValue typed = decodeValue(descriptor, Unpooled.wrappedBuffer(v.original()), 0, v.original().length);
                if (typed instanceof InvalidValue invalid) {
                    // Keep the wire octets, so the AVP still re-encodes as received.
                    yield new InvalidValue(hidden, Problem.MALFORMED, "revealed value: " + invalid.detail());
                }
                yield typed;
            }
            case HiddenAvpCipher.Revealed.Inconsistent bad ->
                new InvalidValue(hidden, Problem.HIDDEN_WRONG_SECRET, bad.detail());
        };
    }

    static AvpValue decodeValue(AvpDescriptor<?> descriptor, ByteBuf buf, int index, int length) {
        try {
            return descriptor.codec().decode(buf, index, length);
        } catch (AvpValueException | IllegalArgumentException e) {
            return new InvalidValue(AvpCodecs.readOctets(buf, index, length), Problem.MALFORMED, e.getMessage());
        }
    }
}
