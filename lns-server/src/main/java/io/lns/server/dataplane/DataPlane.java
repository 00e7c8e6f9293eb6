package io.lns.server.dataplane;

/**
 * Where subscribers' IP packets go once PPP is up (docs/architecture.md §5): one per server,
 * shared by every tunnel's event loop. PPP control frames never reach it; they travel in L2TP
 * data messages whatever the data plane is.
 */
public interface DataPlane extends AutoCloseable {

    /** {@code none}, {@code tun}, ... as {@code --dataplane} spells it. */
    String name();

    /** Opens what the data plane needs on the server's event loops, before the first tunnel. */
    default void start(io.netty.channel.EventLoopGroup loops) throws java.io.IOException {}

    /** A path for one subscriber; called on the subscriber's event loop. */
    SessionDataPath attach(SubscriberLink link);

    /** Releases the device, routes and queues; sessions were closed before. */
    @Override
    void close();
}
