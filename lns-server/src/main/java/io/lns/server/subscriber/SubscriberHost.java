package io.lns.server.subscriber;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;

/** What a subscriber session needs from its tunnel. Called on {@link #loop()}. */
public interface SubscriberHost {
    EventLoop loop();

    ByteBufAllocator allocator();

    /** The LAC's tunnel id, for data message headers. */
    int peerTunnelId();

    /** Sends a complete L2TP data message out of the tunnel's socket; takes ownership. */
    void sendData(ByteBuf datagram);

    /**
     * PPP ended: send a CDN for the L2TP session (if it still exists) with {@code reason};
     * {@code outOfAddresses} asks for the "temporary lack of resources" result.
     */
    void pppEnded(SubscriberSession session, String reason, boolean outOfAddresses);
}
