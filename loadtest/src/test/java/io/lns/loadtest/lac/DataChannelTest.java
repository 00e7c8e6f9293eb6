package io.lns.loadtest.lac;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.ppp.frame.PppFrame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** PPP frames in L2TP data messages (RFC 2661 §5.4), checked on the wire. */
class DataChannelTest {
    private static final HexFormat HEX = HexFormat.of();
    private final L2tpPacketEncoder encoder = L2tpPacketEncoder.standard();
    private final L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();

    /** An LCP Configure-Request, id 1, MRU 1460. */
    private static final PppFrame LCP = new PppFrame(PppFrame.LCP, HEX.parseHex("010100080104 05b4".replace(" ", "")));

    @Test
    void sendsAFrameWithTheLengthBitToTheLnsIdsAndFf03() {
        DataChannel ch = new DataChannel(0x1234, 0x0042, false);
        assertThat(wire(ch.wrap(LCP)))
                .isEqualTo("4002" + "0014" + "1234" + "0042" + "ff03" + "c021" + "0101000801 0405b4".replace(" ", ""));
        assertThat(ch.sequencing()).isFalse();
        assertThat(ch.sent()).isEqualTo(1);
    }

    @Test
    void withSequencingRequiredEveryMessageCarriesNsCountingUpAndNrZero() {
        DataChannel ch = new DataChannel(1, 2, true);
        assertThat(wire(ch.wrap(LCP))).startsWith("4802" + "0018" + "0001" + "0002" + "0000" + "0000" + "ff03c021");
        assertThat(wire(ch.wrap(LCP))).startsWith("4802001800010002" + "0001" + "0000");
    }

    @Test
    void followsTheLnsWhenItTurnsSequencingOnAndOff() throws Exception {
        DataChannel ch = new DataChannel(1, 2, false);
        assertThat(ch.unwrap(fromLns(L2tpHeader.sequencedData(7, 9, 0, 0), LCP.encode())))
                .isEqualTo(LCP);
        assertThat(ch.sequencing()).isTrue();
        assertThat(wire(ch.wrap(LCP))).startsWith("480200180001000200000000");
        assertThat(ch.unwrap(fromLns(L2tpHeader.data(7, 9), LCP.encode()))).isEqualTo(LCP);
        assertThat(ch.sequencing()).isFalse();
        assertThat(wire(ch.wrap(LCP))).startsWith("4002");
    }

    @Test
    void dropsSequencedMessagesBehindTheExpectedNs() throws Exception {
        DataChannel ch = new DataChannel(1, 2, true);
        assertThat(ch.unwrap(fromLns(L2tpHeader.sequencedData(7, 9, 5, 0), LCP.encode())))
                .isNotNull();
        assertThat(ch.unwrap(fromLns(L2tpHeader.sequencedData(7, 9, 4, 0), LCP.encode())))
                .isNull();
        assertThat(ch.unwrap(fromLns(L2tpHeader.sequencedData(7, 9, 9, 0), LCP.encode())))
                .as("a gap is not a reason to drop")
                .isNotNull();
        assertThat(ch.outOfSequence()).isEqualTo(1);
        assertThat(ch.received()).isEqualTo(2);
    }

    @Test
    void countsAPayloadThatIsNotAPppFrameAsMalformed() throws Exception {
        DataChannel ch = new DataChannel(1, 2, false);
        assertThat(ch.unwrap(fromLns(L2tpHeader.data(7, 9), HEX.parseHex("ff05c021"))))
                .isNull();
        assertThat(ch.unwrap(fromLns(L2tpHeader.data(7, 9), new byte[0]))).isNull();
        assertThat(ch.malformed()).isEqualTo(2);
        assertThat(ch.received()).isZero();
    }

    private String wire(DataMessage m) {
        ByteBuf b = encoder.encode(m, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, null);
        try {
            return ByteBufUtil.hexDump(b);
        } finally {
            b.release();
        }
    }

    /** A data message as the decoder makes it from the LNS's datagram. */
    private DataMessage fromLns(L2tpHeader header, byte[] payload) throws Exception {
        ByteBuf out = Unpooled.buffer();
        L2tpPacketEncoder.writeDataHeader(header, payload.length, out);
        out.writeBytes(payload);
        DataMessage m = (DataMessage) decoder.decode(out);
        out.release();
        return m;
    }
}
