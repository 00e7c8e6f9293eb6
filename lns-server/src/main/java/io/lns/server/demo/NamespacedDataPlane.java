package io.lns.server.demo;

import io.lns.linux.NetNamespace;
import io.lns.server.dataplane.DataPlane;
import io.lns.server.dataplane.TunnelDataPath;
import io.lns.server.dataplane.TunnelEndpoint;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;

/**
 * A data plane whose device lives in a network namespace: it is opened from inside the namespace
 * (TUN devices and netlink sockets belong to the namespace they were made in), so the host's
 * interfaces and routes are never touched, while everything else runs where it is.
 */
final class NamespacedDataPlane implements DataPlane {
    private final NetNamespace namespace;
    private final DataPlane inside;

    NamespacedDataPlane(NetNamespace namespace, DataPlane inside) {
        this.namespace = namespace;
        this.inside = inside;
    }

    @Override
    public String name() {
        return inside.name() + " (in network namespace " + namespace.name() + ")";
    }

    @Override
    public void start(EventLoopGroup loops) throws IOException {
        // A thread inherits its creator's namespace, and Netty starts a loop's thread on its first
        // task: start them all out here, or the tunnels' sockets would be made inside.
        for (var loop : loops) loop.submit(() -> {}).syncUninterruptibly();
        try {
            namespace.call(() -> {
                inside.start(loops);
                return null;
            });
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    @Override
    public TunnelDataPath openTunnel(TunnelEndpoint tunnel) throws IOException {
        return inside.openTunnel(tunnel);
    }

    @Override
    public void close() {
        inside.close();
    }
}
