package io.lns.l2tp.netty;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Turns each UDP datagram into an {@link InboundL2tp}. Hidden AVPs are left for the control plane
 * to reveal once it knows the tunnel's secret ({@link L2tpPacketDecoder#reveal}).
 */
public final class L2tpDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {
    private final L2tpPacketDecoder decoder;

    public L2tpDatagramDecoder(L2tpPacketDecoder decoder) {
        super(DatagramPacket.class);
        this.decoder = decoder;
    }

    @Override
    public boolean isSharable() {
        return true;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket msg, List<Object> out) {
        try {
            out.add(new InboundL2tp.Packet(msg.sender(), msg.recipient(), decoder.decode(msg.content())));
        } catch (L2tpDecodeException e) {
            out.add(new InboundL2tp.Malformed(
                    msg.sender(), msg.recipient(), msg.content().readableBytes(), e));
        }
    }
}
