package io.lns.l2tp.netty;

import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.message.L2tpPacket;
import java.net.InetSocketAddress;

/**
 * A packet to send. {@code recipient} is null on a connected socket; {@code hiding} is null unless
 * the packet has AVPs to hide. The encoder takes over a data message's payload.
 */
public record OutboundL2tp(L2tpPacket packet, InetSocketAddress recipient, HidingKey hiding) {
    public static OutboundL2tp connected(L2tpPacket packet) {
        return new OutboundL2tp(packet, null, null);
    }
}
