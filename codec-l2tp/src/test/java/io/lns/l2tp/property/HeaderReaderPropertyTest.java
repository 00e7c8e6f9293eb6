package io.lns.l2tp.property;

import static io.lns.l2tp.property.AvpGenerators.between;
import static io.lns.l2tp.property.AvpGenerators.bool;
import static io.lns.l2tp.property.Properties.DECODER;
import static io.lns.l2tp.property.Properties.encode;
import static io.lns.l2tp.property.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.header.L2tpHeaderReader;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The in-place {@link L2tpHeaderReader} agrees with the packet decoder on every valid header, also
 * when one reader is reused and the datagram does not start at index 0 of its buffer.
 */
class HeaderReaderPropertyTest {
    private final L2tpHeaderReader reader = new L2tpHeaderReader();

    /** A valid datagram: an encoded control or data message, then maybe UDP padding. */
    record Datagram(byte[] bytes, int messageLength, int prefix) {
        @Override
        public String toString() {
            return "Datagram[" + io.netty.buffer.ByteBufUtil.hexDump(bytes) + ", message=" + messageLength + "]";
        }
    }

    static Gen<Datagram> datagrams() {
        var controls = AvpGenerators.controlMessage(AvpGenerators.anyAvp());
        var data = DataMessageRoundTripTest.dataHeaders();
        return in -> {
            byte[] message;
            boolean lengthPresent;
            if (bool(in)) {
                message = encode(controls.generate(in), null);
                lengthPresent = true;
            } else {
                L2tpHeader h = data.generate(in);
                int payload = AvpGenerators.size(in, 0, 200);
                ByteBuf out = Unpooled.buffer();
                L2tpPacketEncoder.writeDataHeader(h, payload, out);
                for (int i = 0; i < payload; i++) out.writeByte((int) between(in, 0, 255));
                message = io.netty.buffer.ByteBufUtil.getBytes(out);
                out.release();
                lengthPresent = h.lengthPresent();
            }
            int padding = lengthPresent && bool(in) ? (int) between(in, 1, 32) : 0;
            byte[] bytes = java.util.Arrays.copyOf(message, message.length + padding);
            for (int i = message.length; i < bytes.length; i++) bytes[i] = (byte) between(in, 0, 255);
            return new Datagram(bytes, message.length, (int) between(in, 0, 7));
        };
    }

    @Test
    void readerMatchesDecoder() {
        qt(3_000).forAll(datagrams()).checkAssert(d -> {
            ByteBuf buf = Unpooled.buffer(d.prefix() + d.bytes().length + 8);
            buf.writeZero(d.prefix()).writeBytes(d.bytes()).writeZero(8);
            buf.setIndex(d.prefix(), d.prefix() + d.bytes().length);
            try {
                reader.read(buf);
                L2tpPacket packet = DECODER.decode(buf);
                assertThat(reader.toHeader()).isEqualTo(packet.header());
                assertThat(reader.messageLength()).isEqualTo(d.messageLength());
                assertThat(reader.headerLength() + reader.payloadLength()).isEqualTo(d.messageLength());
                assertThat(reader.headerLength()).isEqualTo(packet.header().encodedLength());
                if (packet instanceof DataMessage dm) {
                    assertThat(dm.payload().readableBytes()).isEqualTo(reader.payloadLength());
                    dm.release();
                }
                assertThat(buf.readerIndex()).isEqualTo(d.prefix());
                assertThat(buf.writerIndex()).isEqualTo(d.prefix() + d.bytes().length);
            } catch (io.lns.l2tp.L2tpDecodeException e) {
                throw new AssertionError(e);
            } finally {
                buf.release();
            }
        });
    }
}
