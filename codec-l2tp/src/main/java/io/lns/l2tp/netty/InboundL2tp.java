package io.lns.l2tp.netty;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.netty.util.ReferenceCounted;
import java.net.InetSocketAddress;

/**
 * What {@link L2tpDatagramDecoder} passes up the pipeline: a decoded packet, or a datagram that
 * failed to decode (so the handler can count it by reason and drop it, never an exception).
 */
public sealed interface InboundL2tp permits InboundL2tp.Packet, InboundL2tp.Malformed {
    InetSocketAddress sender();

    InetSocketAddress recipient();

    /** A decoded packet; the receiver releases it when it is a {@link DataMessage}. */
    record Packet(InetSocketAddress sender, InetSocketAddress recipient, L2tpPacket packet) implements InboundL2tp {
        public void release() {
            if (packet instanceof ReferenceCounted rc) rc.release();
        }
    }

    /** A datagram that is not a valid L2TPv2 message, with the reason and its size. */
    record Malformed(InetSocketAddress sender, InetSocketAddress recipient, int length, L2tpDecodeException error)
            implements InboundL2tp {}
}
