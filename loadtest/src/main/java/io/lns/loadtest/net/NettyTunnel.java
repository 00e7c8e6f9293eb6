package io.lns.loadtest.net;

import io.lns.l2tp.control.ReliableChannel;
import io.lns.l2tp.control.ReliableChannelStats;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.l2tp.netty.InboundL2tp;
import io.lns.l2tp.netty.L2tpDatagramDecoder;
import io.lns.loadtest.lac.Failure;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.lac.LacTunnel;
import io.lns.loadtest.run.LacTransport.TunnelCounters;
import io.lns.loadtest.run.LacTransport.TunnelHandle;
import io.lns.loadtest.subscriber.SubscriberConfig;
import io.lns.loadtest.subscriber.SubscriberCounters;
import io.lns.loadtest.subscriber.SubscriberListener;
import io.lns.loadtest.subscriber.SubscriberTunnel;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One tunnel's socket and timer: feeds datagrams (control and data) and ticks to its {@link
 * SubscriberTunnel} on the event loop it was given, and writes what the tunnel and its subscribers
 * transmit. Everything runs on that loop.
 *
 * <p>The SCCRQ goes to the LNS's address; the LNS may answer from another port (RFC 2661 §8.1), so
 * the socket is connected to wherever the first message for our tunnel id came from.
 */
final class NettyTunnel extends SimpleChannelInboundHandler<InboundL2tp>
        implements TunnelHandle, SubscriberTunnel.Output {
    private static final long NEVER = ReliableChannel.NEVER;

    private final EventLoop loop;
    private final SubscriberTunnel tunnel;
    private final LacTunnel lac;
    private final SubscriberListener listener;
    private final InetAddress local;
    private final L2tpPacketEncoder encoder;
    private final L2tpPacketDecoder decoder;

    private Channel channel;
    private InetSocketAddress peer;
    private boolean connecting;
    private boolean connected;
    private boolean closed;
    private boolean flushPending;
    private ScheduledFuture<?> timer;
    private long timerAt = NEVER;
    private long malformed;
    private long strangers;

    NettyTunnel(
            EventLoop loop,
            int tunnelId,
            LacConfig config,
            SubscriberConfig subscribers,
            SubscriberListener listener,
            InetSocketAddress lns,
            InetAddress local,
            L2tpPacketEncoder encoder,
            L2tpPacketDecoder decoder,
            Random random) {
        this.loop = loop;
        this.listener = listener;
        this.peer = lns;
        this.local = local;
        this.encoder = encoder;
        this.decoder = decoder;
        this.tunnel = new SubscriberTunnel(tunnelId, config, subscribers, this, listener, random);
        this.lac = tunnel.tunnel();
    }

    // ---------------------------------------------------------------- TunnelHandle (any thread)

    @Override
    public void start() {
        loop.execute(this::open);
    }

    @Override
    public void startCall(long serial, String callingNumber) {
        loop.execute(() -> {
            tunnel.startCall(serial, callingNumber, System.nanoTime());
            after();
        });
    }

    @Override
    public void teardown(boolean callsFirst) {
        loop.execute(() -> {
            tunnel.teardown(callsFirst, System.nanoTime());
            after();
        });
    }

    @Override
    public CompletableFuture<TunnelCounters> counters() {
        CompletableFuture<TunnelCounters> f = new CompletableFuture<>();
        loop.execute(() -> {
            ReliableChannelStats s = lac.channelStats();
            f.complete(new TunnelCounters(
                    s.sent(),
                    s.retransmitted(),
                    lac.received(),
                    s.zlbSent(),
                    s.zlbReceived(),
                    s.duplicates(),
                    lac.ignored() + lac.wrongTunnel() + strangers,
                    malformed));
        });
        return f;
    }

    @Override
    public CompletableFuture<SubscriberCounters> subscriberCounters() {
        CompletableFuture<SubscriberCounters> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(tunnel.counters()));
        return f;
    }

    @Override
    public void close() {
        loop.execute(() -> {
            closed = true;
            if (timer != null) timer.cancel(false);
            if (channel != null) {
                channel.flush();
                channel.close();
            }
        });
    }

    // ---------------------------------------------------------------- on the loop

    private void open() {
        ChannelFuture bound = new Bootstrap()
                .group(loop)
                .channelFactory(() -> new EpollDatagramChannel(SocketProtocolFamily.INET))
                .handler(new ChannelInitializer<EpollDatagramChannel>() {
                    @Override
                    protected void initChannel(EpollDatagramChannel ch) {
                        ch.pipeline().addLast(new L2tpDatagramDecoder(decoder), NettyTunnel.this);
                    }
                })
                .bind(new InetSocketAddress(local, 0));
        bound.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                listener.tunnelDown(
                        lac,
                        Failure.of(
                                Failure.Kind.LOCAL,
                                "cannot open a UDP socket: " + f.cause().getMessage()),
                        false);
                return;
            }
            channel = f.channel();
            if (closed) {
                channel.close();
                return;
            }
            tunnel.start(System.nanoTime());
            after();
        });
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundL2tp in) {
        switch (in) {
            case InboundL2tp.Malformed m -> malformed++;
            case InboundL2tp.Packet p -> {
                if (p.packet() instanceof DataMessage d) {
                    try {
                        if (connected || p.sender().equals(peer)) {
                            tunnel.onData(d, System.nanoTime());
                            after();
                        } else {
                            strangers++;
                        }
                    } finally {
                        d.release();
                    }
                    return;
                }
                ControlMessage m = (ControlMessage) p.packet();
                if (!connected && !connecting) {
                    if (m.header().tunnelId() != tunnel.localId()) {
                        strangers++;
                        return;
                    }
                    connectTo(p.sender());
                } else if (!connected && !p.sender().equals(peer)) {
                    strangers++;
                    return;
                }
                tunnel.onMessage(m, System.nanoTime());
                after();
            }
        }
    }

    /** The LNS answered (perhaps from another port than we sent to): talk to that address only. */
    private void connectTo(InetSocketAddress sender) {
        peer = sender;
        connecting = true;
        channel.connect(sender).addListener((ChannelFuture f) -> {
            connecting = false;
            connected = f.isSuccess();
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP errors on the connected socket (LNS gone): the reliable channel times out on its own.
    }

    @Override
    public void transmit(ControlMessage message, HidingKey hiding) {
        if (channel == null || !channel.isActive()) return;
        ByteBuf datagram = encoder.encode(message, channel.alloc(), hiding);
        channel.write(connected ? datagram : new DatagramPacket(datagram, peer), channel.voidPromise());
    }

    @Override
    public void transmitData(DataMessage message) {
        if (channel == null || !channel.isActive()) {
            message.release();
            return;
        }
        ByteBuf datagram = encoder.encode(message, channel.alloc(), null);
        channel.write(connected ? datagram : new DatagramPacket(datagram, peer), channel.voidPromise());
    }

    /**
     * Arranges a flush of what the tunnel wrote and makes sure a timer fires at its next wakeup. The
     * flush runs once after the loop's current batch of I/O and tasks, so what a read burst or a
     * batch of new calls produces leaves in one sendmmsg.
     */
    private void after() {
        if (closed) return;
        if (channel != null && !flushPending) {
            flushPending = true;
            loop.execute(this::flush);
        }
        long next = tunnel.nextWakeup();
        if (next >= timerAt) return; // the armed timer fires first (or nothing to do): it re-arms
        if (timer != null) timer.cancel(false);
        timerAt = next;
        timer = loop.schedule(this::tick, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void flush() {
        flushPending = false;
        if (channel != null) channel.flush();
    }

    private void tick() {
        timer = null;
        timerAt = NEVER;
        if (closed) return;
        tunnel.onTick(System.nanoTime());
        after();
    }

    @Override
    public boolean isSharable() {
        return false;
    }
}
