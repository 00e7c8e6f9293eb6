package io.lns.server.dataplane;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/** What a data plane sees of a subscriber: its loop, and a way to send it IP packets. */
public interface SubscriberLink {

    /** The event loop that owns the subscriber (its tunnel's). */
    EventLoop loop();

    /**
     * Sends an IPv4 or IPv6 packet to the subscriber (PPP in an L2TP data message). Call on {@link
     * #loop()}. Takes ownership; {@code packet} should have {@link DataFraming#HEADROOM} octets free
     * before its reader index so the headers need no copy.
     */
    void toSubscriber(int pppProtocol, ByteBuf packet);
}
