package io.lns.l2tp.property;

import static io.lns.l2tp.property.AvpGenerators.between;
import static io.lns.l2tp.property.AvpGenerators.bool;
import static io.lns.l2tp.property.AvpGenerators.size;
import static io.lns.l2tp.property.AvpGenerators.u16;
import static io.lns.l2tp.property.Properties.DECODER;
import static io.lns.l2tp.property.Properties.ENCODER;
import static io.lns.l2tp.property.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Data messages with any header flags, offset padding and payload survive encode → decode. */
class DataMessageRoundTripTest {
    private static final UnpooledByteBufAllocator ALLOC = new UnpooledByteBufAllocator(false);

    /** A data header, its payload and UDP padding after the message (only when L is set). */
    record Case(L2tpHeader header, byte[] payload, byte[] udpPadding) {
        @Override
        public String toString() {
            return "Case[" + header + ", payload=" + payload.length + " octets, padding=" + udpPadding.length + "]";
        }
    }

    static Gen<L2tpHeader> dataHeaders() {
        return in -> {
            boolean l = bool(in);
            boolean s = bool(in);
            boolean o = bool(in);
            int offset = o ? size(in, 0, 2000) : L2tpHeader.ABSENT;
            return new L2tpHeader(
                    false,
                    l,
                    s,
                    o,
                    bool(in),
                    L2tpHeader.ABSENT,
                    u16(in),
                    u16(in),
                    s ? u16(in) : L2tpHeader.ABSENT,
                    s ? u16(in) : L2tpHeader.ABSENT,
                    offset);
        };
    }

    static Gen<Case> cases() {
        Gen<L2tpHeader> headers = dataHeaders();
        return in -> {
            L2tpHeader h = headers.generate(in);
            int maxPayload = h.lengthPresent() ? 0xFFFF - h.encodedLength() : 0xFFFF;
            int n = between(in, 0, 20) == 0 ? (int) between(in, 0, maxPayload) : size(in, 0, 1500);
            byte[] payload = bytes(in, n);
            byte[] padding = h.lengthPresent() && bool(in) ? bytes(in, size(in, 1, 64)) : new byte[0];
            return new Case(h, payload, padding);
        };
    }

    private static byte[] bytes(org.quicktheories.core.RandomnessSource in, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) between(in, 0, 255);
        return b;
    }

    @Test
    void dataMessagesRoundTrip() throws Exception {
        qt(2_000).forAll(cases()).checkAssert(c -> {
            try {
                roundTrips(c);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static void roundTrips(Case c) throws Exception {
        // Through the encoder, which takes the payload over...
        // A real, reference-counted buffer even when empty (Unpooled.EMPTY_BUFFER ignores release).
        ByteBuf payload = Unpooled.buffer(c.payload().length + 1).writeBytes(c.payload());
        ByteBuf encoded = ENCODER.encode(new DataMessage(c.header(), payload), ALLOC, null);
        byte[] viaEncoder = ByteBufUtil.getBytes(encoded);
        assertThat(encoded.release()).isTrue();
        assertThat(payload.refCnt()).isZero();
        // ... and through writeDataHeader plus the payload: the same octets.
        ByteBuf out = Unpooled.buffer();
        L2tpPacketEncoder.writeDataHeader(c.header(), c.payload().length, out);
        out.writeBytes(c.payload());
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(viaEncoder);
        out.release();

        int messageLength = viaEncoder.length;
        assertThat(messageLength).isEqualTo(c.header().encodedLength() + c.payload().length);
        byte[] datagram = Arrays.copyOf(viaEncoder, messageLength + c.udpPadding().length);
        System.arraycopy(c.udpPadding(), 0, datagram, messageLength, c.udpPadding().length);

        ByteBuf in = Unpooled.wrappedBuffer(datagram);
        L2tpPacket packet = DECODER.decode(in);
        assertThat(packet).isInstanceOf(DataMessage.class);
        DataMessage decoded = (DataMessage) packet;
        try {
            L2tpHeader expected = c.header().lengthPresent() ? c.header().withLength(messageLength) : c.header();
            assertThat(decoded.header()).isEqualTo(expected);
            assertThat(ByteBufUtil.getBytes(decoded.payload())).isEqualTo(c.payload());
            assertThat(in.readerIndex()).isZero();
            assertThat(in.writerIndex()).isEqualTo(datagram.length);
        } finally {
            assertThat(decoded.release()).isFalse(); // the datagram still holds its own reference
            assertThat(in.release()).isTrue();
        }
    }
}
