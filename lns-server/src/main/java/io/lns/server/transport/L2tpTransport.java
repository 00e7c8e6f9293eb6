package io.lns.server.transport;

import io.lns.config.SourcePort;
import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.control.Refusal;
import io.lns.l2tp.header.L2tpHeaderReader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.metrics.TunnelTotals;
import io.lns.server.subscriber.SubscriberServices;
import io.lns.server.tunnel.Admission;
import io.lns.server.tunnel.TunnelRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP side of the LNS (docs/architecture.md §3). Listeners take first contact only; each
 * tunnel gets its own socket, bound to the local address the SCCRQ reached and connected to the
 * peer, on the event loop that owns the tunnel for life. Datagrams are dispatched by their header
 * (tunnel id), not by the socket they came in on.
 */
public final class L2tpTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(L2tpTransport.class);
    private static final L2tpPacketDecoder DECODER = L2tpPacketDecoder.standard();
    private static final L2tpPacketEncoder ENCODER = L2tpPacketEncoder.standard();
    private static final int MAX_DATAGRAM = 65535;
    private static final int TUNNEL_RCVBUF = 256 * 1024;

    private final ServerSettings settings;
    private final Admission admission;
    private final LnsMetrics metrics;
    private final TunnelRegistry<TunnelHost> registry = new TunnelRegistry<>();
    private final EventLoopGroup group;
    private final boolean epoll;
    private final List<Channel> listeners = new ArrayList<>();
    private final ChannelHandler dispatcher = new Dispatcher();
    private final TunnelTotals totals;
    private final SubscriberServices subscribers;

    /** A transport whose sessions (if their plans run PPP) use data plane {@code none}. */
    public L2tpTransport(ServerSettings settings, Admission admission, LnsMetrics metrics) {
        this(settings, admission, metrics, SubscriberServices.none(metrics.registry()));
    }

    public L2tpTransport(
            ServerSettings settings, Admission admission, LnsMetrics metrics, SubscriberServices subscribers) {
        this.subscribers = subscribers;
        this.settings = settings;
        this.admission = admission;
        this.metrics = metrics;
        this.totals = metrics.tunnelTotals(this::liveTunnels);
        this.epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(
                settings.threads(), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        if (!epoll)
            log.warn(
                    "native epoll unavailable ({}); using NIO",
                    Epoll.unavailabilityCause().toString());
    }

    /** Binds the listeners; returns the addresses bound (port 0 resolved). */
    public List<InetSocketAddress> start() throws InterruptedException, java.io.IOException {
        subscribers.dataPlane().start(group);
        List<InetSocketAddress> bound = new ArrayList<>();
        for (InetSocketAddress address : settings.listen()) {
            Channel ch = bootstrap(group.next(), family(address.getAddress()))
                    .option(ChannelOption.SO_RCVBUF, settings.receiveBufferBytes())
                    .handler(dispatcher)
                    .bind(address)
                    .sync()
                    .channel();
            listeners.add(ch);
            bound.add((InetSocketAddress) ch.localAddress());
            log.info("listening on {} ({})", ch.localAddress(), epoll ? "epoll" : "nio");
        }
        return bound;
    }

    /** StopCCN to every tunnel, then waits (bounded) for them to be acknowledged. */
    public void shutdown(long graceMillis) throws InterruptedException {
        for (Channel l : listeners) l.close().sync();
        for (TunnelHost host : registry.all()) {
            host.loop.execute(() -> host.close(new Refusal(6, -1, "LNS shutting down")));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (registry.size() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        if (registry.size() > 0) log.warn("{} tunnels did not acknowledge StopCCN in time", registry.size());
    }

    @Override
    public void close() {
        // the data plane's fd watches are cancelled on their loops: close it while they still run
        subscribers.dataPlane().close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    public int tunnelCount() {
        return registry.size();
    }

    /** Status lines of every tunnel, for SIGUSR1 and tests. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        for (TunnelHost h : registry.all()) {
            var t = h.tunnel();
            if (t == null) continue;
            lines.add(String.format(
                    "tunnel %d/%d %s peer %s (%s) sessions %d Ns %d Nr %d peer RWS %d cwnd %d retransmits %d"
                            + " (fast %d) HELLOs %d ZLBs %d",
                    t.localId(),
                    t.peerId(),
                    t.state(),
                    h.peer,
                    t.peerHostName(),
                    t.sessions().size(),
                    t.channel().ns(),
                    t.channel().nr(),
                    t.channel().peerWindow(),
                    t.channel().congestionWindow(),
                    t.channel().stats().retransmitted(),
                    t.channel().stats().fastRetransmits(),
                    t.stats().hellosSent(),
                    t.channel().stats().zlbSent()));
        }
        return lines;
    }

    LnsMetrics metrics() {
        return metrics;
    }

    SubscriberServices subscribers() {
        return subscribers;
    }

    Admission admission() {
        return admission;
    }

    ByteBufAllocator allocator() {
        return ByteBufAllocator.DEFAULT;
    }

    private java.util.Collection<io.lns.l2tp.control.LnsTunnel> liveTunnels() {
        List<io.lns.l2tp.control.LnsTunnel> live = new ArrayList<>();
        for (TunnelHost h : registry.all()) {
            if (h.tunnel() != null && !h.closed()) live.add(h.tunnel());
        }
        return live;
    }

    /** The tunnel is past setup: an SCCRQ with its key is now a new tunnel. */
    void sccrqDone(TunnelHost host) {
        registry.forgetSccrq(host.peer, host.peerTunnelId, host);
    }

    void tunnelGone(TunnelHost host, InetSocketAddress wellKnownLocal) {
        if (host.tunnel() != null) totals.tunnelClosed(host.tunnel());
        registry.remove(host.localId(), host.peer, host.peerTunnelId, wellKnownLocal);
        admission.tunnelClosed();
    }

    /** Routes a datagram by its header; takes ownership of {@code content}. */
    void route(ByteBuf content, InetSocketAddress sender, InetSocketAddress recipient, Channel arrivedOn) {
        L2tpHeaderReader header = new L2tpHeaderReader();
        try {
            header.read(content);
        } catch (L2tpDecodeException e) {
            metrics.malformed(e.reason());
            content.release();
            return;
        }
        if (header.tunnelId() != 0) {
            TunnelHost host = registry.get(header.tunnelId());
            if (host == null) {
                metrics.unknownTunnel();
                content.release();
            } else if (host.loop.inEventLoop()) {
                host.receive(content);
            } else {
                host.loop.execute(() -> host.receive(content));
            }
            return;
        }
        try {
            if (!header.control()) {
                metrics.unknownTunnel();
                return;
            }
            newTunnel(content, sender, recipient, arrivedOn);
        } finally {
            content.release();
        }
    }

    private void newTunnel(ByteBuf content, InetSocketAddress peer, InetSocketAddress local, Channel listener) {
        L2tpPacket packet;
        try {
            packet = DECODER.decode(content);
        } catch (L2tpDecodeException e) {
            metrics.malformed(e.reason());
            return;
        }
        if (!(packet instanceof ControlMessage sccrq) || sccrq.type().orElse(null) != ControlMessageType.SCCRQ) {
            metrics.unknownTunnel(); // tunnel id 0 is for SCCRQ only
            return;
        }
        int peerTunnelId =
                sccrq.find(AssignedTunnelId.class).map(AssignedTunnelId::id).orElse(0);
        TunnelHost existing = registry.findBySccrq(peer, peerTunnelId);
        if (existing != null && !existing.acceptsSccrqRetransmits()) {
            // A LAC reusing its port and tunnel id while our old tunnel is held closing (§5.7):
            // a new tunnel, not a retransmission.
            registry.forgetSccrq(peer, peerTunnelId, existing);
            existing = null;
        }
        if (existing != null) {
            // A retransmitted SCCRQ: its tunnel's channel re-acknowledges it.
            ByteBuf copy = content.retainedDuplicate();
            TunnelHost target = existing;
            target.loop.execute(() -> target.receive(copy));
            return;
        }
        metrics.controlReceived(sccrq);
        long now = System.nanoTime();
        var refused = admission.admitTunnel(now);
        if (refused.isPresent()) {
            refuse(peerTunnelId, peer, listener, refused.get());
            return;
        }
        EventLoop loop = group.next();
        TunnelHost host = registry.register(id -> new TunnelHost(this, loop, peer, peerTunnelId, id));
        if (host == null) {
            admission.tunnelClosed();
            refuse(peerTunnelId, peer, listener, new Refusal(2, 4, "no free tunnel id"));
            return;
        }
        TunnelHost raced = registry.claimSccrq(peer, peerTunnelId, host);
        if (raced != null) {
            registry.remove(host.localId(), peer, peerTunnelId, null);
            admission.tunnelClosed();
            ByteBuf copy = content.retainedDuplicate();
            raced.loop.execute(() -> raced.receive(copy));
            return;
        }
        String hostName = sccrq.find(HostName.class).map(HostName::name).orElse("");
        TunnelPlan plan = settings.plans().apply(peer, hostName);
        // The listen port (1701 unless configured otherwise) is the "well-known" source port.
        InetSocketAddress wellKnown = local;
        boolean useListenPort = switch (plan.sourcePort()) {
            case LISTEN_PORT -> true;
            case EPHEMERAL -> false;
            case AUTO -> registry.claimWellKnownPort(wellKnown, peer, host.localId());
        };
        loop.execute(() -> {
            host.start(plan, sccrq, now);
            openSocket(
                    host,
                    useListenPort ? wellKnown : new InetSocketAddress(local.getAddress(), 0),
                    useListenPort,
                    plan);
        });
    }

    private void openSocket(TunnelHost host, InetSocketAddress bindTo, boolean wellKnown, TunnelPlan plan) {
        bootstrap(host.loop, family(host.peer.getAddress()))
                .option(ChannelOption.SO_RCVBUF, TUNNEL_RCVBUF)
                .handler(new TunnelSocketHandler())
                .connect(host.peer, bindTo)
                .addListener(f -> {
                    if (f.isSuccess()) {
                        host.socketOpened(((io.netty.channel.ChannelFuture) f).channel(), wellKnown ? bindTo : null);
                    } else if (wellKnown && plan.sourcePort() == SourcePort.AUTO) {
                        registry.releaseWellKnownPort(bindTo, host.peer, host.localId());
                        openSocket(host, new InetSocketAddress(bindTo.getAddress(), 0), false, plan);
                    } else {
                        host.socketFailed(f.cause());
                    }
                });
    }

    /**
     * Refuses an SCCRQ statelessly: one StopCCN to the peer's tunnel id, not retransmitted (the
     * LAC retransmits its SCCRQ and is refused again, or fails over).
     */
    private void refuse(int peerTunnelId, InetSocketAddress peer, Channel listener, Refusal why) {
        log.info("refusing tunnel from {}: {}", peer, why);
        ControlMessage stop = ControlMessage.of(
                io.lns.l2tp.header.L2tpHeader.control(peerTunnelId, 0, 0, 1),
                ControlMessageType.StopCCN,
                List.of(io.lns.l2tp.avp.Avp.of(new AssignedTunnelId(0)), io.lns.l2tp.avp.Avp.of(why.toAvpValue())));
        metrics.controlSent(stop);
        ByteBuf out = ENCODER.encode(stop, allocator(), null);
        listener.writeAndFlush(new DatagramPacket(out, peer), listener.voidPromise());
    }

    private Bootstrap bootstrap(EventLoop loop, SocketProtocolFamily family) {
        Bootstrap b = new Bootstrap().group(loop).option(ChannelOption.SO_REUSEADDR, true);
        if (epoll) {
            b.channelFactory(() -> new EpollDatagramChannel(family))
                    .option(EpollChannelOption.SO_REUSEPORT, true)
                    .option(EpollChannelOption.IP_RECVORIGDSTADDR, true)
                    .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * 8));
        } else {
            b.channelFactory(() -> new NioDatagramChannel(family));
        }
        return b;
    }

    private static SocketProtocolFamily family(InetAddress a) {
        return a instanceof java.net.Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    @ChannelHandler.Sharable
    private final class Dispatcher extends SimpleChannelInboundHandler<DatagramPacket> {
        Dispatcher() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
            InetSocketAddress local = msg.recipient();
            if (local == null || local.getAddress().isAnyLocalAddress())
                local = (InetSocketAddress) ctx.channel().localAddress();
            route(msg.content(), msg.sender(), local, ctx.channel());
        }
    }

    /** A tunnel's own socket: what arrives is routed by header like anything else. */
    private final class TunnelSocketHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        TunnelSocketHandler() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
            route(msg.content(), msg.sender(), (InetSocketAddress) ctx.channel().localAddress(), ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP port unreachable and the like: the reliable channel's retransmission copes.
            log.debug("tunnel socket {}: {}", ctx.channel().localAddress(), cause.toString());
        }
    }
}
