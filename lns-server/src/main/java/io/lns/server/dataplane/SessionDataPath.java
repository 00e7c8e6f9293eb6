package io.lns.server.dataplane;

import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;

/** One subscriber's data path. Every method runs on the subscriber's event loop. */
public interface SessionDataPath {

    /** IPCP opened: packets to {@code peer} now go to this subscriber; {@code mtu} is its MRU. */
    void up(Inet4Address peer, int mtu);

    /**
     * An IPv4 or IPv6 packet from the subscriber, already checked against its address (anti-spoofing
     * happens before). Takes ownership of {@code packet}.
     */
    void fromSubscriber(int pppProtocol, ByteBuf packet);

    /** The session is over: no packet is routed to it any more. Called once. */
    void close();
}
