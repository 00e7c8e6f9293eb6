package io.lns.server.dataplane;

import io.lns.ppp.auth.FramedRoute;
import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;
import java.util.List;

/** One subscriber's data path. Every method runs on the subscriber's event loop. */
public interface SessionDataPath {

    /** Sends a PPP control frame (LCP, authentication, NCP) of {@code protocol} to the subscriber. */
    void sendFrame(int protocol, byte[] information);

    /** Authentication is over and PPP enters its network phase. */
    default void networkPhase() {}

    /**
     * IPCP opened: packets to {@code peer} now go to this subscriber; {@code local} is our address on
     * the link (the pool's gateway) and {@code mtu} the subscriber's MRU.
     */
    void up(Inet4Address local, Inet4Address peer, int mtu);

    /**
     * After {@link #up}: IPv4 prefixes the subscriber's entry routes to it (behind its address).
     * Returns false when this plane cannot route prefixes to a subscriber (only the kernel plane
     * can: the routes go on the subscriber's own interface).
     */
    default boolean routeTo(List<FramedRoute> routes) {
        return false;
    }

    /**
     * An IPv4 or IPv6 packet from the subscriber, already checked against its address (anti-spoofing
     * happens before). Takes ownership of {@code packet}.
     */
    void fromSubscriber(int pppProtocol, ByteBuf packet);

    /** What the plane knows of the session for status lines (interface, counters); may be empty. */
    default String status() {
        return "";
    }

    /** The session is over: nothing is routed to it any more and what it held is released. Called once. */
    void close();
}
