package io.lns.l2tp.fuzz;

import static io.lns.l2tp.fuzz.FuzzChecks.DICTIONARY;
import static io.lns.l2tp.fuzz.FuzzChecks.SECRET;
import static io.lns.l2tp.fuzz.FuzzChecks.check;
import static io.lns.l2tp.fuzz.FuzzChecks.checkEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lns.l2tp.avp.AccessLineAvps;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.AvpValueException;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.hidden.HiddenAvpCipher;
import io.lns.l2tp.message.ControlMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * (d) Every AVP codec of the standard dictionary on arbitrary value octets, directly and inside a
 * synthetic control message (plain and hidden).
 *
 * <p>Input layout: vendor id (2 octets), attribute type (2), flags (1: 0x01 M bit, 0x02 hide the
 * value), then the value. A (vendor, type) the dictionary does not know picks a descriptor by
 * index, so every input exercises some codec.
 */
class AvpCodecFuzzTest {
    private static final List<AvpDescriptor<?>> DESCRIPTORS = descriptors();
    private static final byte[] RANDOM_VECTOR = "fuzz random vec!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_VALUE = 1023 - 6;

    @FuzzTest
    void decodeValue(byte[] data) {
        if (data.length < 5) return;
        int vendor = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int type = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        boolean mandatory = (data[4] & 0x01) != 0;
        boolean hide = (data[4] & 0x02) != 0;
        AvpDescriptor<?> d = DICTIONARY.find(vendor, type);
        if (d == null) d = DESCRIPTORS.get(Math.floorMod(vendor * 31 + type, DESCRIPTORS.size()));
        byte[] value = Arrays.copyOfRange(data, 5, Math.min(data.length, 5 + (hide ? MAX_VALUE - 2 : MAX_VALUE)));

        AvpValue direct = decodeDirectly(d, value);

        // The same octets as an AVP of a control message (after Message Type and a Random Vector).
        byte[] wireValue =
                hide ? HiddenAvpCipher.hide(d.type(), SECRET.bytes(), RANDOM_VECTOR, value, new Random(0)) : value;
        ByteBuf msg = Unpooled.buffer();
        msg.writeShort(0xC802)
                .writeShort(0)
                .writeShort(1)
                .writeShort(2)
                .writeShort(3)
                .writeShort(4);
        msg.writeShort(0x8008).writeShort(0).writeShort(0).writeShort(10); // Message Type ICRQ
        msg.writeShort(0x8000 | (6 + RANDOM_VECTOR.length))
                .writeShort(0)
                .writeShort(36)
                .writeBytes(RANDOM_VECTOR);
        msg.writeShort((mandatory ? 0x8000 : 0) | (hide ? 0x4000 : 0) | (6 + wireValue.length));
        msg.writeShort(d.vendorId()).writeShort(d.type()).writeBytes(wireValue);
        msg.setShort(2, msg.readableBytes());
        byte[] datagram = ByteBufUtil.getBytes(msg);
        msg.release();

        ControlMessage m = FuzzChecks.decode(datagram, SECRET).control();
        check(m != null && m.avps().size() == 3, "synthetic message did not decode to three AVPs");
        Avp avp = m.avps().get(2);
        checkEquals(hide, avp.hidden(), "H bit");
        checkEquals(mandatory, avp.mandatory(), "M bit");
        if (direct == null) {
            InvalidValue iv = avp.value() instanceof InvalidValue i ? i : null;
            check(iv != null && iv.problem() == InvalidValue.Problem.MALFORMED, "expected a malformed value: " + avp);
            check(Arrays.equals(iv.raw().unsafeArray(), wireValue), "an invalid value keeps the wire octets");
        } else {
            checkEquals(direct, avp.value(), "message decode differs from the codec");
        }
    }

    /**
     * Decodes {@code value} with the codec from inside a larger buffer; returns null when the codec
     * refuses it (the only exceptions allowed are the ones the packet decoder turns into invalid
     * values). A decoded value must re-encode to the same octets.
     */
    private static AvpValue decodeDirectly(AvpDescriptor<?> d, byte[] value) {
        ByteBuf buf = Unpooled.buffer(value.length + 6);
        buf.writeBytes(new byte[] {(byte) 0xA5, (byte) 0xA5, (byte) 0xA5}).writeBytes(value);
        buf.writeBytes(new byte[] {(byte) 0x5A, (byte) 0x5A, (byte) 0x5A});
        try {
            AvpValue v;
            try {
                v = d.codec().decode(buf, 3, value.length);
            } catch (AvpValueException | IllegalArgumentException e) {
                return null;
            }
            check(v != null && v.getClass() == d.valueClass(), "codec returned " + v + " for " + d.name());
            ByteBuf out = Unpooled.buffer();
            d.encodeValue(v, out);
            byte[] encoded = ByteBufUtil.getBytes(out);
            out.release();
            check(Arrays.equals(encoded, value), d.name() + " does not re-encode to its octets: " + v);
            return v;
        } finally {
            buf.release();
        }
    }

    private static List<AvpDescriptor<?>> descriptors() {
        List<AvpDescriptor<?>> out = new ArrayList<>();
        for (int vendor : new int[] {0, AccessLineAvps.VENDOR_BROADBAND_FORUM}) {
            for (int type = 0; type <= 0xFFFF; type++) {
                AvpDescriptor<?> d = DICTIONARY.find(vendor, type);
                if (d != null) out.add(d);
            }
        }
        return out;
    }
}
