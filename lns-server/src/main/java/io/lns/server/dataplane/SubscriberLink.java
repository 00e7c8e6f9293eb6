package io.lns.server.dataplane;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;

/** What a data plane sees of a subscriber. Every method but {@link #loop()} runs on that loop. */
public interface SubscriberLink {

    /** The event loop that owns the subscriber (its tunnel's). */
    EventLoop loop();

    /** Our L2TP session id. */
    int localSessionId();

    /**
     * Sends an IPv4 or IPv6 packet to the subscriber in an L2TP data message (userspace planes).
     * Takes ownership; {@code packet} should have {@link DataFraming#HEADROOM} octets free before
     * its reader index so the headers need no copy.
     */
    void toSubscriber(int pppProtocol, ByteBuf packet);

    /** Sends a PPP frame to the subscriber in an L2TP data message (userspace planes). */
    void frameInDataMessage(int protocol, byte[] information);

    /**
     * A PPP frame from the subscriber that reached the plane rather than lns's tunnel socket (the
     * kernel plane reads them from /dev/ppp): {@code payload} is the packet after the protocol
     * field. Takes ownership.
     */
    void frameFromSubscriber(int protocol, ByteBuf payload);

    /** The plane can no longer carry this session (a kernel object failed): it ends. */
    void dataPathFailed(String reason);
}
