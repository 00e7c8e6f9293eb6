package io.lns.server.dataplane;

import io.lns.linux.FdWatch;
import io.lns.linux.NativeException;
import io.lns.linux.RtNetlink;
import io.lns.linux.TunDevice;
import io.lns.linux.TunQueue;
import io.lns.server.pool.Ipv4;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The userspace data plane: one multi-queue TUN device, one queue per event loop, each queue's
 * fd watched on its loop (the epoll bridge). The kernel routes the pools to the device; a packet
 * read from it goes to the subscriber owning its destination (on that subscriber's loop); a
 * subscriber's packet is written to the queue of the loop it arrived on.
 */
public final class TunDataPlane implements DataPlane {
    private static final Logger log = LoggerFactory.getLogger(TunDataPlane.class);
    /** Packets read from one queue before the loop turns to other work. */
    private static final int READ_BUDGET = 64;

    /** What the device carries: the gateways (our addresses) and the prefixes routed to it. */
    public record Addressing(List<Inet4Address> gateways, List<Prefixes.Prefix> routes) {}

    private final String name;
    private final int mtu;
    private final Addressing addressing;
    private final DataMetrics metrics;
    private final ByteBufAllocator allocator = ByteBufAllocator.DEFAULT;
    private final ConcurrentHashMap<Integer, SubscriberLink> byAddress = new ConcurrentHashMap<>();
    private final Map<EventExecutor, TunQueue> queues = new IdentityHashMap<>();
    private final List<FdWatch> watches = new ArrayList<>();
    private TunDevice device;

    public TunDataPlane(String name, int mtu, Addressing addressing, DataMetrics metrics) {
        this.name = name;
        this.mtu = mtu;
        this.addressing = addressing;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "tun";
    }

    @Override
    public void start(EventLoopGroup loops) throws IOException {
        List<EventExecutor> executors = new ArrayList<>();
        loops.forEach(executors::add);
        device = TunDevice.open(name, executors.size());
        try (RtNetlink rtnl = RtNetlink.open()) {
            int index = device.ifIndex();
            rtnl.setMtu(index, mtu);
            for (Inet4Address gateway : addressing.gateways()) rtnl.addAddress(index, gateway, 32);
            rtnl.setLinkUp(index, true);
            for (Prefixes.Prefix p : addressing.routes()) {
                rtnl.replaceRoute(Ipv4.toAddress((int) p.address()), p.length(), index);
            }
        } catch (NativeException e) {
            device.close();
            throw e;
        }
        for (int i = 0; i < executors.size(); i++) {
            IoEventLoop loop = (IoEventLoop) executors.get(i);
            TunQueue queue = device.queue(i);
            queues.put(loop, queue);
            try {
                watches.add(FdWatch.register(loop, queue.fd(), new QueueReader(queue, loop))
                        .get(5, TimeUnit.SECONDS));
            } catch (Exception e) {
                close();
                throw new IOException("cannot watch " + queue + ": " + e.getMessage(), e);
            }
        }
        log.info(
                "data path tun: device {} (index {}), {} queues, MTU {}, gateways {}, routes {}",
                device.name(),
                device.ifIndex(),
                executors.size(),
                mtu,
                addressing.gateways(),
                addressing.routes().size());
    }

    /** One queue's reader, on the queue's loop. */
    private final class QueueReader implements FdWatch.Handler {
        private final TunQueue queue;
        private final EventLoop loop;

        QueueReader(TunQueue queue, EventLoop loop) {
            this.queue = queue;
            this.loop = loop;
        }

        /** Packets for subscribers of other loops, handed over once per read burst, not one by one. */
        private final Map<EventLoop, List<Runnable>> handoffs = new IdentityHashMap<>();

        @Override
        public void onReadable() throws NativeException {
            try {
                for (int i = 0; i < READ_BUDGET; i++) {
                    ByteBuf buf = allocator.directBuffer(DataFraming.HEADROOM + mtu);
                    buf.writerIndex(DataFraming.HEADROOM).readerIndex(DataFraming.HEADROOM);
                    if (queue.read(buf) == 0) {
                        buf.release();
                        return;
                    }
                    route(buf, handoffs);
                }
                // More may wait, and edge-triggered epoll will not say so again: resume after other work.
                loop.execute(this::resume);
            } finally {
                handOff();
            }
        }

        private void handOff() {
            if (handoffs.isEmpty()) return;
            for (Map.Entry<EventLoop, List<Runnable>> e : handoffs.entrySet()) {
                List<Runnable> batch = e.getValue();
                e.getKey().execute(() -> batch.forEach(Runnable::run));
            }
            handoffs.clear();
        }

        private void resume() {
            try {
                onReadable();
            } catch (NativeException e) {
                log.warn("tun: reading {}: {}", queue, e.getMessage());
            }
        }

        @Override
        public void onFailure(FdWatch watch, Throwable failure) {
            log.error("tun: {} failed, no longer read: {}", queue, failure.toString());
            watch.close();
        }
    }

    private void route(ByteBuf packet, Map<EventLoop, List<Runnable>> handoffs) {
        if (!IpPackets.isIpv4(packet)) {
            metrics.dropped(
                    IpPackets.isIpv6(packet) ? DropReason.IPV6_UNROUTED : DropReason.MALFORMED_IP,
                    packet.readableBytes());
            packet.release();
            return;
        }
        SubscriberLink link = byAddress.get(IpPackets.ipv4Destination(packet));
        if (link == null) {
            metrics.dropped(DropReason.NO_SESSION, packet.readableBytes());
            packet.release();
            return;
        }
        EventLoop loop = link.loop();
        if (loop.inEventLoop()) {
            link.toSubscriber(IpPackets.PPP_IPV4, packet);
        } else {
            handoffs.computeIfAbsent(loop, l -> new ArrayList<>())
                    .add(() -> link.toSubscriber(IpPackets.PPP_IPV4, packet));
        }
    }

    @Override
    public TunnelDataPath openTunnel(TunnelEndpoint tunnel) {
        return (link, sequencing) -> attach(link);
    }

    /** A subscriber's path: PPP frames in L2TP data messages, IP packets through the device. */
    public SessionDataPath attach(SubscriberLink link) {
        return new Path(link);
    }

    private final class Path implements SessionDataPath {
        private final SubscriberLink link;
        private Integer address;

        Path(SubscriberLink link) {
            this.link = link;
        }

        @Override
        public void sendFrame(int protocol, byte[] information) {
            link.frameInDataMessage(protocol, information);
        }

        @Override
        public void up(Inet4Address local, Inet4Address peer, int sessionMtu) {
            address = Ipv4.toInt(peer);
            SubscriberLink previous = byAddress.put(address, link);
            if (previous != null && previous != link) {
                log.warn("tun: {} moved from another session (a fixed address given twice?)", peer);
            }
        }

        @Override
        public void fromSubscriber(int pppProtocol, ByteBuf packet) {
            try {
                TunQueue queue = queues.get(link.loop());
                if (queue == null || !queue.write(packet)) {
                    metrics.dropped(DropReason.QUEUE_FULL, packet.readableBytes());
                }
            } catch (NativeException e) {
                metrics.dropped(DropReason.MALFORMED_IP, packet.readableBytes());
            } finally {
                packet.release();
            }
        }

        @Override
        public void close() {
            if (address != null) byAddress.remove(address, link);
            address = null;
        }
    }

    /** Sessions routed now (for tests and status). */
    public int routedSessions() {
        return byAddress.size();
    }

    @Override
    public void close() {
        for (FdWatch w : watches) {
            try {
                w.close();
            } catch (RuntimeException e) { // its loop already stopped: the fd goes with the device below
                log.debug("tun: closing {}: {}", w, e.toString());
            }
        }
        watches.clear();
        if (device != null) device.close(); // the last queue's close deletes the device and its routes
        device = null;
    }
}
