package io.lns.l2tp.netty;

import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Encodes {@link OutboundL2tp} into a datagram: a {@link DatagramPacket} when it names a recipient,
 * a bare buffer for a connected socket.
 */
public final class L2tpDatagramEncoder extends MessageToMessageEncoder<OutboundL2tp> {
    private final L2tpPacketEncoder encoder;

    public L2tpDatagramEncoder(L2tpPacketEncoder encoder) {
        super(OutboundL2tp.class);
        this.encoder = encoder;
    }

    @Override
    public boolean isSharable() {
        return true;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundL2tp msg, List<Object> out) {
        ByteBuf datagram = encoder.encode(msg.packet(), ctx.alloc(), msg.hiding());
        out.add(msg.recipient() == null ? datagram : new DatagramPacket(datagram, msg.recipient()));
    }
}
