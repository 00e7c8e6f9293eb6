package io.lns.server.kernel;

import io.lns.config.PppInterfaceName;
import io.lns.linux.FdWatch;
import io.lns.linux.L2tpStats;
import io.lns.linux.NativeException;
import io.lns.linux.PppChannel;
import io.lns.linux.PppFd;
import io.lns.linux.PppUnit;
import io.lns.linux.PppoL2tpSocket;
import io.lns.ppp.auth.FramedRoute;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.DropReason;
import io.lns.server.dataplane.SessionDataPath;
import io.lns.server.dataplane.SubscriberLink;
import io.lns.server.dataplane.TunnelEndpoint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.IoEventLoop;
import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber in the kernel: its PPPoL2TP socket, the PPP channel fd (LCP and authentication,
 * and every frame until a unit is connected), and from the network phase the ppp unit ({@code
 * pppN}) whose fd carries the NCPs and whose interface carries the packets. lns reads both fds on
 * the tunnel's loop and writes its own frames on the channel. On the tunnel's event loop.
 */
final class KernelSession implements SessionDataPath {
    private static final Logger log = LoggerFactory.getLogger(KernelSession.class);
    /** Frames read from one fd before the loop turns to other work. */
    private static final int READ_BUDGET = 32;

    private final TunnelEndpoint tunnel;
    private final int sessionId;
    private final PppoL2tpSocket socket;
    private final PppChannel channel;
    private final KernelDataPlane.LoopResources loop;
    private final PppInterfaceName naming;
    private final DataMetrics data;
    private final KernelMetrics metrics;
    private SubscriberLink link;
    private FdWatch channelWatch;
    private FdWatch unitWatch;
    private PppUnit unit;
    private int ifIndex;
    private String ifName;
    private Inet4Address configuredLocal;
    private Inet4Address configuredPeer;
    private boolean closed;
    private boolean failed;

    KernelSession(
            TunnelEndpoint tunnel,
            int sessionId,
            PppoL2tpSocket socket,
            PppChannel channel,
            KernelDataPlane.LoopResources loop,
            PppInterfaceName naming,
            DataMetrics data,
            KernelMetrics metrics) {
        this.tunnel = tunnel;
        this.sessionId = sessionId;
        this.socket = socket;
        this.channel = channel;
        this.loop = loop;
        this.naming = naming;
        this.data = data;
        this.metrics = metrics;
    }

    /** The subscriber is established: its frames, queued on the channel meanwhile, are read from now. */
    void attach(SubscriberLink subscriber) {
        this.link = subscriber;
        watch(channel, "channel", w -> channelWatch = w);
    }

    private void watch(PppFd fd, String what, java.util.function.Consumer<FdWatch> keep) {
        FdWatch.register((IoEventLoop) link.loop(), fd.fd(), new Reader(fd, what))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        fail("cannot watch the " + what + " fd: " + f.cause());
                        return;
                    }
                    FdWatch w = (FdWatch) f.getNow();
                    if (closed) {
                        w.close();
                    } else {
                        keep.accept(w);
                    }
                });
    }

    @Override
    public void sendFrame(int protocol, byte[] information) {
        if (closed) return;
        ByteBuf frame = ByteBufAllocator.DEFAULT.directBuffer(2 + information.length);
        try {
            frame.writeShort(protocol).writeBytes(information);
            if (!channel.write(frame)) data.dropped(DropReason.QUEUE_FULL, information.length);
        } catch (NativeException e) {
            metrics.failed("channel_write");
            log.debug("session {}: writing a frame of protocol {}: {}", sessionId, protocol, e.getMessage());
        } finally {
            frame.release();
        }
    }

    /** Authenticated: the unit (the interface) is made and the channel connected to it. */
    @Override
    public void networkPhase() {
        if (unit != null || closed) return;
        try {
            unit = PppUnit.create();
            metrics.unitOpened();
            channel.connect(unit.unit());
            ifName = unit.interfaceName();
            ifIndex = loop.rtnl().linkIndex(ifName);
            if (!naming.kernelDefault()) {
                String name = naming.expand(unit.unit(), tunnel.localTunnelId(), sessionId);
                loop.rtnl().renameLink(ifIndex, name); // only while down (EBUSY when up)
                ifName = name;
            }
            watch(unit, "unit", w -> unitWatch = w);
        } catch (NativeException e) {
            metrics.failed("unit");
            fail("ppp unit: " + e.getMessage());
        }
    }

    /** IPCP opened: MTU, the /32 point-to-point address (the kernel adds the host route), up. */
    @Override
    public void up(Inet4Address local, Inet4Address peer, int mtu) {
        if (unit == null) networkPhase();
        if (unit == null || closed) return;
        try {
            loop.rtnl().setMtu(ifIndex, mtu);
            unit.setMru(mtu);
            if (peer.equals(configuredPeer) && local.equals(configuredLocal)) return; // IPCP reopened
            if (configuredPeer != null) loop.rtnl().deleteAddress(ifIndex, configuredLocal, 32);
            strictReversePath();
            loop.rtnl().addPeerAddress(ifIndex, local, peer);
            configuredLocal = local;
            configuredPeer = peer;
            loop.rtnl().setLinkUp(ifIndex, true);
            log.debug("session {}: {} up, {} peer {}, MTU {}", sessionId, ifName, local, peer, mtu);
        } catch (NativeException e) {
            metrics.failed("interface");
            fail(ifName + ": " + e.getMessage());
        }
    }

    /** Each prefix through the subscriber's interface; the routes go with the interface. */
    @Override
    public boolean routeTo(List<FramedRoute> routes) {
        if (unit == null || closed) return true;
        for (FramedRoute r : routes) {
            try {
                loop.rtnl().replaceRoute(r.prefix(), r.length(), ifIndex);
            } catch (NativeException e) {
                metrics.failed("route");
                log.warn("session {}: route {} via {}: {}", sessionId, r, ifName, e.getMessage());
            }
        }
        return true;
    }

    /**
     * Anti-spoofing in the kernel: with strict reverse-path filtering a packet from the subscriber is
     * accepted only if its source is routed back through the subscriber's own interface.
     */
    private void strictReversePath() {
        try {
            Files.writeString(Path.of("/proc/sys/net/ipv4/conf", ifName, "rp_filter"), "1");
        } catch (IOException | RuntimeException e) {
            log.debug("{}: cannot set rp_filter: {}", ifName, e.toString());
        }
    }

    @Override
    public void fromSubscriber(int pppProtocol, ByteBuf packet) {
        // IP that reached lns on the channel before the unit was connected: the kernel forwards the rest
        data.dropped(DropReason.LINK_NOT_READY, packet.readableBytes());
        packet.release();
    }

    private void fail(String reason) {
        if (failed || closed) return;
        failed = true;
        SubscriberLink l = link;
        if (l != null) l.loop().execute(() -> l.dataPathFailed(reason));
    }

    /**
     * Stops reading, takes the final counters and hands the fds to the {@link SessionCloser}, which
     * closes them in FACTS §9's order off the loop (each close sleeps in the kernel).
     */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (channelWatch != null) channelWatch.close();
        if (unitWatch != null) unitWatch.close();
        L2tpStats last = L2tpStats.ZERO;
        try {
            last = socket.stats();
        } catch (NativeException e) {
            log.debug("session {}: final counters: {}", sessionId, e.getMessage());
        }
        loop.closer().close(socket, channel, unit, ifIndex, last); // the interface and its routes go with the unit
    }

    /** Interface, kernel counters and idle time, for status lines. */
    @Override
    public String status() {
        if (closed) return "kernel session closed";
        StringBuilder b = new StringBuilder(ifName == null ? "no interface" : ifName);
        try {
            L2tpStats s = socket.stats();
            b.append(" kernel in ")
                    .append(s.rxPackets())
                    .append("p/")
                    .append(s.rxBytes())
                    .append("B out ")
                    .append(s.txPackets())
                    .append("p/")
                    .append(s.txBytes())
                    .append('B');
            if (unit != null)
                b.append(" idle ").append(unit.idle().receiveSeconds()).append('s');
        } catch (NativeException e) {
            b.append(" counters unavailable (").append(e.errnoName()).append(')');
        }
        return b.toString();
    }

    /** A path for a subscriber whose kernel session could not be made: it is being ended. */
    static SessionDataPath detached(SubscriberLink link) {
        return new SessionDataPath() {
            @Override
            public void sendFrame(int protocol, byte[] information) {}

            @Override
            public void up(Inet4Address local, Inet4Address peer, int mtu) {}

            @Override
            public void fromSubscriber(int pppProtocol, ByteBuf packet) {
                packet.release();
            }

            @Override
            public void close() {}
        };
    }

    /** Reads one fd's frames and gives them to the subscriber. */
    private final class Reader implements FdWatch.Handler {
        private final PppFd fd;
        private final String what;

        Reader(PppFd fd, String what) {
            this.fd = fd;
            this.what = what;
        }

        @Override
        public void onReadable() throws NativeException {
            ByteBuf buffer = loop.readBuffer();
            for (int i = 0; i < READ_BUDGET && !closed; i++) {
                buffer.clear();
                int n = fd.read(buffer);
                if (n == 0) return;
                if (n < 0) {
                    fail("the kernel closed the " + what);
                    return;
                }
                if (n < 2) continue;
                int protocol = buffer.readUnsignedShort();
                ByteBuf payload = ByteBufAllocator.DEFAULT.heapBuffer(buffer.readableBytes());
                payload.writeBytes(buffer);
                link.frameFromSubscriber(protocol, payload);
            }
            // more may wait, and the next readiness report may not come: resume after other work
            if (!closed) link.loop().execute(this::resume);
        }

        private void resume() {
            try {
                if (!closed) onReadable();
            } catch (NativeException e) {
                onFailure(null, e);
            }
        }

        @Override
        public void onFailure(FdWatch watch, Throwable failure) {
            if (watch != null) watch.close();
            metrics.failed(what + "_read");
            fail("reading the " + what + ": " + failure.getMessage());
        }
    }
}
