package io.lns.server.kernel;

import io.lns.config.PppInterfaceName;
import io.lns.linux.L2tpGenl;
import io.lns.linux.NativeException;
import io.lns.linux.RtNetlink;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.DataPlane;
import io.lns.server.dataplane.TunnelDataPath;
import io.lns.server.dataplane.TunnelEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel data plane: each tunnel becomes a kernel L2TP tunnel on its own UDP socket, each
 * session a kernel session with a PPPoL2TP socket, a PPP channel and, once authenticated, a ppp
 * unit ({@code pppN}) that carries the subscriber's packets. Subscribers' packets never enter lns;
 * lns reads and writes only PPP control frames, on the channel and unit fds, on the tunnel's event
 * loop. The order of creation and teardown is ../shared/kernel/FACTS.md's (§0, §9).
 */
public final class KernelDataPlane implements DataPlane {
    private static final Logger log = LoggerFactory.getLogger(KernelDataPlane.class);
    /** Larger than any frame (a short read buffer loses the frame with EOVERFLOW). */
    private static final int READ_BUFFER = 64 * 1024;

    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final PppInterfaceName naming;
    private final DataMetrics data;
    private final KernelMetrics metrics;
    private final List<LoopResources> loops = new ArrayList<>();
    private SessionCloser closer;

    public KernelDataPlane(PppInterfaceName naming, DataMetrics data, MeterRegistry registry) {
        this.naming = naming;
        this.data = data;
        this.metrics = new KernelMetrics(registry);
    }

    @Override
    public String name() {
        return "kernel";
    }

    /**
     * What one event loop uses: its own netlink sockets (the calls block briefly), read buffer, and
     * the data plane's closer of ended sessions.
     */
    record LoopResources(EventExecutor loop, L2tpGenl genl, RtNetlink rtnl, ByteBuf readBuffer, SessionCloser closer) {
        static LoopResources open(EventExecutor loop, SessionCloser closer) throws NativeException {
            L2tpGenl genl = L2tpGenl.open();
            try {
                return new LoopResources(
                        loop, genl, RtNetlink.open(), Unpooled.directBuffer(READ_BUFFER, READ_BUFFER), closer);
            } catch (NativeException e) {
                genl.close();
                throw e;
            }
        }

        /** On the loop, or after it stopped. */
        void close() {
            genl.close();
            rtnl.close();
            readBuffer.release();
        }
    }

    @Override
    public void start(EventLoopGroup group) throws IOException {
        try {
            closer = new SessionCloser(metrics);
            for (EventExecutor loop : group) loops.add(LoopResources.open(loop, closer));
            metrics.start();
        } catch (NativeException e) {
            close();
            throw e;
        }
        log.info(
                "data path kernel: PPPoL2TP, one ppp interface per session named {}, {} loops",
                naming.pattern(),
                loops.size());
    }

    @Override
    public TunnelDataPath openTunnel(TunnelEndpoint t) throws IOException {
        if (t.socketFd() < 0) {
            throw new IOException("the kernel data path needs the native epoll transport (its socket has no fd)");
        }
        LoopResources here = current();
        try {
            here.genl().createTunnel(t.localTunnelId(), t.peerTunnelId(), t.socketFd());
        } catch (NativeException e) {
            metrics.failed("tunnel_create");
            throw e;
        }
        return new KernelTunnel(t, here, naming, data, metrics);
    }

    private LoopResources current() {
        for (LoopResources r : loops) {
            if (r.loop().inEventLoop()) return r;
        }
        throw new IllegalStateException("not on one of the data plane's event loops");
    }

    /** Kernel objects of live sessions and tunnels, for tests and status. */
    public KernelMetrics metrics() {
        return metrics;
    }

    /** Each loop's resources are closed on that loop, after the tasks already queued there. */
    @Override
    public void close() {
        for (LoopResources r : loops) {
            if (r.loop().inEventLoop() || r.loop().isShuttingDown()) {
                r.close();
            } else if (!r.loop().submit(r::close).awaitUninterruptibly(CLOSE_WAIT_MILLIS)) {
                log.warn("event loop {} did not close its kernel resources in time", r.loop());
            }
        }
        loops.clear();
        if (closer != null) closer.close(); // waits for the sessions being closed
        closer = null;
        metrics.close();
    }
}
