package io.lns.l2tp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class L2tpDatagramCodecTest {
    private static final InetSocketAddress LAC = new InetSocketAddress("192.0.2.1", 1701);
    private static final InetSocketAddress LNS = new InetSocketAddress("192.0.2.2", 1701);

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new L2tpDatagramDecoder(L2tpPacketDecoder.standard()),
            new L2tpDatagramEncoder(L2tpPacketEncoder.standard()));

    @Test
    void decodesDatagramsAndPassesMalformedOnesAsValues() {
        channel.writeInbound(new DatagramPacket(hex("c802000c7aa4000000010002"), LNS, LAC));
        channel.writeInbound(new DatagramPacket(hex("0003"), LNS, LAC));
        channel.writeInbound(new DatagramPacket(hex("0002000100020000ff03"), LNS, LAC));

        InboundL2tp.Packet zlb = channel.readInbound();
        assertThat(zlb.sender()).isEqualTo(LAC);
        assertThat(((ControlMessage) zlb.packet()).isZlb()).isTrue();
        InboundL2tp.Malformed bad = channel.readInbound();
        assertThat(bad.error().reason()).isEqualTo(L2tpDecodeException.Reason.L2TPV3_PACKET);
        assertThat(bad.length()).isEqualTo(2);
        InboundL2tp.Packet data = channel.readInbound();
        DataMessage d = (DataMessage) data.packet();
        assertThat(d.payload().readableBytes()).isEqualTo(4);
        data.release();
        assertThat(d.refCnt()).isZero();
    }

    @Test
    void encodesToTheRecipientOrToAConnectedSocket() {
        ControlMessage zlb = ControlMessage.zlb(0x7aa4, 1, 2);
        channel.writeOutbound(new OutboundL2tp(zlb, LAC, null));
        channel.writeOutbound(OutboundL2tp.connected(zlb));

        DatagramPacket addressed = channel.readOutbound();
        assertThat(addressed.recipient()).isEqualTo(LAC);
        assertThat(ByteBufUtil.hexDump(addressed.content())).isEqualTo("c802000c7aa4000000010002");
        addressed.release();
        ByteBuf bare = channel.readOutbound();
        assertThat(ByteBufUtil.hexDump(bare)).isEqualTo("c802000c7aa4000000010002");
        bare.release();
    }

    @Test
    void encodesADataMessageWithoutCopyingItsPayload() {
        ByteBuf payload = hex("ff03c02101010004");
        DataMessage d = new DataMessage(io.lns.l2tp.header.L2tpHeader.sequencedData(3, 4, 5, 0), payload);
        channel.writeOutbound(OutboundL2tp.connected(d));
        ByteBuf out = channel.readOutbound();
        assertThat(ByteBufUtil.hexDump(out)).isEqualTo("08020003000400050000ff03c02101010004");
        out.release();
        assertThat(payload.refCnt()).isZero();
    }

    private static ByteBuf hex(String h) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(h));
    }
}
