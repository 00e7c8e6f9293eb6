package io.lns.l2tp.fuzz;

import static io.lns.l2tp.fuzz.FuzzChecks.DECODER;
import static io.lns.l2tp.fuzz.FuzzChecks.DICTIONARY;
import static io.lns.l2tp.fuzz.FuzzChecks.ENCODER;
import static io.lns.l2tp.fuzz.FuzzChecks.SECRET;
import static io.lns.l2tp.fuzz.FuzzChecks.check;
import static io.lns.l2tp.fuzz.FuzzChecks.checkEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lns.l2tp.fuzz.FuzzChecks.Outcome;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.MessageCatalogue;
import io.lns.l2tp.message.MessageCatalogue.Violation;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fuzz targets for {@code L2tpPacketDecoder} on arbitrary datagrams. In a normal build they run
 * the seeds under {@code PacketDecoderFuzzTestInputs/<method>/} as regression tests; {@code
 * scripts/fuzz} runs them with {@code JAZZER_FUZZ=1}.
 */
class PacketDecoderFuzzTest {
    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);
    /** Flag bits the header writer reproduces: T, L, S, O, P and the version; the rest is reserved. */
    private static final int KNOWN_FLAGS = 0xCB0F;

    /** (a) Any datagram decodes or is rejected with an L2tpDecodeException, nothing else. */
    @FuzzTest
    void decode(byte[] data) {
        FuzzChecks.decode(data, null);
    }

    /**
     * (b) With a tunnel secret, hidden AVPs are revealed; the message catalogue checks the result;
     * revealing later gives the same; re-encoding with the secret gives the same AVPs back.
     */
    @FuzzTest
    void decodeWithSecret(byte[] data) {
        Outcome withSecret = FuzzChecks.decode(data, SECRET);
        Outcome without = FuzzChecks.decode(data, null);
        check(withSecret.rejected() == without.rejected(), "the secret changed whether the datagram decodes");
        ControlMessage message = withSecret.control();
        if (message == null) return;

        List<Violation> violations = MessageCatalogue.check(message, DICTIONARY);
        for (Violation v : violations) {
            check(v.kind() != null && v.detail() != null, "violation without kind or detail");
            check(v.vendorId() >= 0 && v.vendorId() <= 0xFFFF && v.avpType() >= 0 && v.avpType() <= 0xFFFF, "ids");
        }
        checkEquals(violations, MessageCatalogue.check(message, DICTIONARY), "catalogue check is not repeatable");

        checkEquals(
                message, DECODER.reveal(without.control(), SECRET), "reveal() differs from decoding with the secret");

        byte[] again = encode(message, new HidingKey(SECRET, new Random(data.length)));
        ControlMessage redecoded = FuzzChecks.decode(again, SECRET).control();
        check(redecoded != null, "re-encoded message does not decode");
        checkEquals(message.avps(), redecoded.avps(), "AVPs changed through re-encoding with the secret");
        checkEquals(
                message.header().withLength(L2tpHeader.ABSENT),
                redecoded.header().withLength(L2tpHeader.ABSENT),
                "header changed through re-encoding");
    }

    /**
     * (e) decode → encode → decode gives an equal message. Without a secret hidden AVPs stay raw, so
     * a control message re-encodes to exactly its wire octets (less reserved header bits and
     * trailing UDP padding).
     */
    @FuzzTest
    void reencode(byte[] data) {
        Outcome first = FuzzChecks.decode(data, null);
        if (first.rejected()) return;
        if (first.packet() instanceof ControlMessage message) {
            byte[] again = encode(message, null);
            int length = message.header().length();
            check(again.length == length, "re-encoded length " + again.length + " != " + length);
            check(
                    ((((data[0] & 0xFF) << 8) | (data[1] & 0xFF)) & KNOWN_FLAGS)
                            == (((again[0] & 0xFF) << 8) | (again[1] & 0xFF)),
                    "flags changed");
            check(
                    Arrays.equals(Arrays.copyOfRange(data, 2, length), Arrays.copyOfRange(again, 2, length)),
                    "re-encoding changed the message octets");
            checkEquals(message, FuzzChecks.decode(again, null).packet(), "message changed through re-encoding");
        } else {
            DataMessage data1 = new DataMessage(first.packet().header(), Unpooled.wrappedBuffer(first.payload()));
            ByteBuf encoded = ENCODER.encode(data1, ALLOC, null);
            byte[] again = ByteBufUtil.getBytes(encoded);
            encoded.release();
            Outcome second = FuzzChecks.decode(again, null);
            check(second.packet() instanceof DataMessage, "re-encoded data message does not decode");
            first.assertSameAs(second, "data message changed through re-encoding");
        }
    }

    private static byte[] encode(ControlMessage message, HidingKey hiding) {
        ByteBuf out = Unpooled.buffer();
        try {
            ENCODER.encode(message, out, hiding);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
