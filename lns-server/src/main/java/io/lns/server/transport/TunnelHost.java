package io.lns.server.transport;

import io.lns.config.Sequencing;
import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.control.LnsSession;
import io.lns.l2tp.control.LnsTunnel;
import io.lns.l2tp.control.Refusal;
import io.lns.l2tp.control.ReliableChannel;
import io.lns.l2tp.control.TunnelEvents;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.server.dataplane.DropReason;
import io.lns.server.dataplane.TunnelDataPath;
import io.lns.server.dataplane.TunnelEndpoint;
import io.lns.server.subscriber.PppPlan;
import io.lns.server.subscriber.SubscriberHost;
import io.lns.server.subscriber.SubscriberServices;
import io.lns.server.subscriber.SubscriberSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.unix.UnixChannel;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tunnel on its event loop: the Sans-IO {@link LnsTunnel}, its own UDP socket, its timer.
 * Every method runs on {@link #loop}.
 */
final class TunnelHost implements TunnelEvents, SubscriberHost {
    private static final Logger log = LoggerFactory.getLogger(TunnelHost.class);
    private static final Logger TRACE = LoggerFactory.getLogger("io.lns.trace");
    private static final L2tpPacketDecoder DECODER = L2tpPacketDecoder.standard();
    private static final L2tpPacketEncoder ENCODER = L2tpPacketEncoder.standard();

    final EventLoop loop;
    final InetSocketAddress peer;
    final int peerTunnelId;
    private final L2tpTransport transport;
    private final int localId;
    private final ArrayDeque<ByteBuf> unsent = new ArrayDeque<>();
    private final SecureRandom random = new SecureRandom();
    private volatile LnsTunnel tunnel;
    private Channel socket;
    private InetSocketAddress wellKnownLocal;
    private ScheduledFuture<?> timer;
    private long timerAt = ReliableChannel.NEVER;
    private volatile boolean closed;
    private boolean flushPending;
    private long createdAt;
    private int peerMaxSessions;
    private PppPlan ppp;
    private TunnelDataPath dataPath;
    private final IntObjectHashMap<SubscriberSession> subscribers = new IntObjectHashMap<>();

    TunnelHost(L2tpTransport transport, EventLoop loop, InetSocketAddress peer, int peerTunnelId, int localId) {
        this.transport = transport;
        this.loop = loop;
        this.peer = peer;
        this.peerTunnelId = peerTunnelId;
        this.localId = localId;
    }

    /** Creates the tunnel and handles its SCCRQ; the socket may still be opening. */
    void start(TunnelPlan plan, ControlMessage sccrq, long now) {
        TunnelSettings settings = plan.settings();
        peerMaxSessions = plan.peerMaxSessions();
        ppp = plan.ppp();
        createdAt = now;
        tunnel = new LnsTunnel(localId, settings, this, random, now);
        tunnel.onMessage(sccrq, now);
        reschedule();
    }

    void socketOpened(Channel ch, InetSocketAddress wellKnownLocal) {
        this.socket = ch;
        this.wellKnownLocal = wellKnownLocal;
        if (closed) {
            ch.close();
            return;
        }
        try {
            int fd = ch instanceof UnixChannel u ? u.fd().intValue() : -1;
            dataPath = transport
                    .subscribers()
                    .dataPlane()
                    .openTunnel(new TunnelEndpoint(
                            localId, peerTunnelId, fd, peer.getAddress() instanceof java.net.Inet6Address));
        } catch (IOException | RuntimeException e) {
            log.warn("tunnel {}: the data plane cannot carry it: {}", localId, e.getMessage());
            while (!unsent.isEmpty()) ch.write(unsent.poll()); // the SCCRP, so the StopCCN makes sense
            tunnel.close(new Refusal(2, -1, "data plane: " + e.getMessage()), System.nanoTime());
            reschedule();
            ch.flush();
            return;
        }
        while (!unsent.isEmpty()) ch.write(unsent.poll());
        ch.flush();
    }

    void socketFailed(Throwable cause) {
        log.warn("tunnel {}: cannot open a socket towards {}: {}", localId, peer, cause.toString());
        tunnelClosed(tunnel, "socket: " + cause.getMessage());
    }

    /** A datagram for this tunnel (header tunnel id matched); takes ownership of it. */
    void receive(ByteBuf datagram) {
        try {
            if (closed) return;
            L2tpPacket packet;
            try {
                packet = DECODER.decode(datagram);
            } catch (L2tpDecodeException e) {
                transport.metrics().malformed(e.reason());
                return;
            }
            switch (packet) {
                case ControlMessage m -> {
                    transport.metrics().controlReceived(m);
                    tunnel.onMessage(m, System.nanoTime());
                }
                case DataMessage d -> {
                    SubscriberSession s = subscribers.get(d.header().sessionId());
                    if (s == null) {
                        transport
                                .subscribers()
                                .dataMetrics()
                                .dropped(DropReason.NO_PPP, d.payload().readableBytes());
                        d.release();
                    } else {
                        s.receive(d.header(), d.payload(), System.nanoTime());
                    }
                }
            }
            reschedule();
        } finally {
            datagram.release();
        }
    }

    void close(Refusal why) {
        if (tunnel != null && !closed) {
            tunnel.close(why, System.nanoTime());
            reschedule();
        }
    }

    private void tick() {
        timer = null;
        timerAt = ReliableChannel.NEVER;
        if (closed) return;
        tunnel.onTick(System.nanoTime());
        reschedule();
    }

    private void reschedule() {
        if (closed) return;
        long next = tunnel.nextWakeup();
        if (next == ReliableChannel.NEVER || next >= timerAt) return;
        if (timer != null) timer.cancel(false);
        timerAt = next;
        timer = loop.schedule(this::tick, Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void transmit(LnsTunnel t, ControlMessage message) {
        transport.metrics().controlSent(message);
        ByteBuf out = ENCODER.encode(message, transport.allocator(), t.hidingKey());
        if (socket == null) {
            unsent.add(out);
        } else {
            socket.write(out, socket.voidPromise());
            scheduleFlush();
        }
    }

    /**
     * One flush (one sendmmsg) for everything written while the loop handles its current batch of
     * events: the task runs after the loop's I/O, so the replies to all datagrams of a read burst,
     * across all sockets, leave together.
     */
    private void scheduleFlush() {
        if (flushPending) return;
        flushPending = true;
        loop.execute(this::flush);
    }

    private void flush() {
        flushPending = false;
        if (socket != null) socket.flush();
    }

    /**
     * Whether an SCCRQ with this tunnel's key is a retransmission for it: only while it has not
     * been established or begun closing. Read from the listener's thread.
     */
    boolean acceptsSccrqRetransmits() {
        LnsTunnel t = tunnel;
        return !closed
                && (t == null || t.state() == LnsTunnel.State.IDLE || t.state() == LnsTunnel.State.WAIT_CTL_CONN);
    }

    @Override
    public void tunnelEstablished(LnsTunnel t) {
        transport.sccrqDone(this);
        transport.metrics().tunnelEstablished(System.nanoTime() - createdAt);
        log.info("tunnel {}: established with {} ({}), peer tunnel {}", localId, peer, t.peerHostName(), t.peerId());
    }

    @Override
    public void tunnelClosed(LnsTunnel t, String reason) {
        if (closed) return;
        closed = true;
        if (timer != null) timer.cancel(false);
        unsent.forEach(ByteBuf::release);
        unsent.clear();
        // kernel sessions and tunnel go before their socket (their teardown order, FACTS §9)
        if (dataPath != null) dataPath.close();
        if (socket != null) {
            socket.flush(); // what the last event wrote (an ack, say) still goes out
            socket.close();
        }
        transport.tunnelGone(this, wellKnownLocal);
        log.info("tunnel {}: closed ({})", localId, reason);
    }

    @Override
    public Optional<Refusal> admitSession(LnsTunnel t) {
        return transport.admission().admitSession(System.nanoTime(), peer.getAddress(), peerMaxSessions);
    }

    @Override
    public void sessionCreated(LnsTunnel t, LnsSession s) {
        log.debug(
                "tunnel {} session {}: incoming call from {} (peer session {})",
                localId,
                s.localId(),
                s.callingNumber(),
                s.peerId());
        if (ppp == null) return;
        try {
            dataPath.sessionCreated(s.localId(), s.peerId());
        } catch (IOException | RuntimeException e) {
            log.warn("tunnel {} session {}: the data plane cannot carry it: {}", localId, s.localId(), e.getMessage());
            int sid = s.localId();
            // after this event's ICRP: the CDN clears the call
            loop.execute(() -> {
                if (closed) return;
                tunnel.disconnect(sid, new Refusal(2, -1, "data plane: " + e.getMessage()), System.nanoTime());
                reschedule();
            });
        }
    }

    @Override
    public void sessionEstablished(LnsTunnel t, LnsSession s) {
        transport.admission().sessionEstablished();
        transport.metrics().sessionEstablished(s.establishedAt() - s.createdAt());
        // Per-session lines are DEBUG: at tens of thousands of setups a second, one INFO line (one
        // write) each would cost the loop more than the L2TP work; metrics count them instead.
        log.debug(
                "tunnel {} session {}: established, peer session {}, calling {}",
                localId,
                s.localId(),
                s.peerId(),
                s.callingNumber());
        if (ppp != null) {
            SubscriberServices services = transport.subscribers();
            SubscriberSession subscriber = new SubscriberSession(
                    this,
                    s.localId(),
                    s.peerId(),
                    s.sequencingRequired() || t.settings().sequencing() == Sequencing.REQUIRE,
                    ppp,
                    dataPath,
                    services.pppMetrics(),
                    services.dataMetrics(),
                    random,
                    System.nanoTime());
            subscribers.put(s.localId(), subscriber);
            subscriber.start(System.nanoTime(), s.proxyAvps());
        }
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public ByteBufAllocator allocator() {
        return transport.allocator();
    }

    @Override
    public int peerTunnelId() {
        return peerTunnelId;
    }

    @Override
    public void sendData(ByteBuf datagram) {
        if (socket == null || closed) {
            datagram.release();
            return;
        }
        socket.write(datagram, socket.voidPromise());
        scheduleFlush();
    }

    @Override
    public void pppEnded(SubscriberSession subscriber, String reason, boolean outOfAddresses) {
        if (subscribers.remove(subscriber.localSessionId()) == null || closed) return;
        Refusal why = new Refusal(outOfAddresses ? 4 : 3, -1, "PPP: " + reason);
        tunnel.disconnect(subscriber.localSessionId(), why, System.nanoTime());
        reschedule();
    }

    @Override
    public void sessionClosed(LnsTunnel t, LnsSession s, String reason) {
        SubscriberSession subscriber = subscribers.remove(s.localId());
        if (subscriber != null) subscriber.lowerLayerDown(reason);
        if (ppp != null && dataPath != null) dataPath.sessionClosed(s.localId());
        transport.admission().sessionClosed(s.establishedAt() != 0, peer.getAddress());
        log.debug("tunnel {} session {}: closed ({})", localId, s.localId(), reason);
    }

    @Override
    public void trace(LnsTunnel t, int category, String line) {
        TRACE.info(
                "tunnel {}/{} {}: {}",
                localId,
                t.peerId(),
                io.lns.config.TraceCategory.values()[Integer.numberOfTrailingZeros(category)].name(),
                line);
    }

    int localId() {
        return localId;
    }

    /** Null until the SCCRQ is handled. */
    LnsTunnel tunnel() {
        return tunnel;
    }

    boolean closed() {
        return closed;
    }
}
