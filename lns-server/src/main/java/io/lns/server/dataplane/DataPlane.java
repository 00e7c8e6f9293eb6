package io.lns.server.dataplane;

/**
 * Where subscribers' packets go once PPP is up, and how their PPP frames travel (docs/architecture.md
 * §5): one per server, shared by every tunnel's event loop. The userspace planes ({@code tun},
 * {@code none}) carry PPP frames in L2TP data messages through lns; the {@code kernel} plane hands
 * each session to the kernel's PPPoL2TP and exchanges PPP control frames through /dev/ppp.
 */
public interface DataPlane extends AutoCloseable {

    /** {@code none}, {@code tun}, {@code kernel}, as {@code --dataplane} spells it. */
    String name();

    /** Opens what the data plane needs on the server's event loops, before the first tunnel. */
    default void start(io.netty.channel.EventLoopGroup loops) throws java.io.IOException {}

    /**
     * The data path of one tunnel, once its socket is connected to the peer; called on the tunnel's
     * loop. Fails when the plane cannot carry the tunnel (the kernel refused it): the tunnel then
     * closes.
     */
    TunnelDataPath openTunnel(TunnelEndpoint tunnel) throws java.io.IOException;

    /** Releases the device, routes and queues; tunnels were closed before. */
    @Override
    void close();
}
