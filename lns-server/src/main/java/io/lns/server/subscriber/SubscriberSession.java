package io.lns.server.subscriber;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.auth.FramedRoute;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.proxy.ProxyOutcome;
import io.lns.ppp.session.PppPhase;
import io.lns.ppp.session.PppSession;
import io.lns.ppp.session.PppSessionSink;
import io.lns.ppp.session.SessionInfo;
import io.lns.server.dataplane.DataFraming;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.DropReason;
import io.lns.server.dataplane.IpPackets;
import io.lns.server.dataplane.MssClamp;
import io.lns.server.dataplane.SessionDataPath;
import io.lns.server.dataplane.SubscriberLink;
import io.lns.server.dataplane.TunnelDataPath;
import io.lns.server.pool.AddressPool;
import io.lns.server.pool.Ipv4;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber: the PPP of one L2TP session, on its tunnel's event loop. Its PPP frames travel
 * by its data path (in the session's data messages, or through the kernel's /dev/ppp), it runs
 * PPP's timers on the loop, brings authentication results back to the loop, holds the address
 * lease, checks that what the subscriber sends through lns comes from its address, and hands IP
 * packets to the data plane. Everything it holds is released once, in {@link #finish}.
 */
public final class SubscriberSession implements PppSessionSink, SubscriberLink {
    private static final Logger log = LoggerFactory.getLogger(SubscriberSession.class);

    private final SubscriberHost host;
    private final int localSessionId;
    private final int peerSessionId;
    private final boolean sequencing;
    private final PppPlan plan;
    private final PppMetrics metrics;
    private final DataMetrics data;
    private final PppSession ppp;
    private final SessionDataPath path;
    private final long startedAt;

    private int dataNs;
    private int dataNr;
    private AddressPool.Lease lease;
    private String acceptedPool;
    private int peerAddress;
    private boolean ipv4Up;
    private int mtu;
    private String user;
    private ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;
    private boolean finished;
    private boolean l2tpGone;
    private long packetsIn;
    private long bytesIn;
    private long packetsOut;
    private long bytesOut;

    public SubscriberSession(
            SubscriberHost host,
            int localSessionId,
            int peerSessionId,
            boolean sequencing,
            PppPlan plan,
            TunnelDataPath tunnelPath,
            PppMetrics metrics,
            DataMetrics data,
            RandomGenerator random,
            long now) {
        this.host = host;
        this.localSessionId = localSessionId;
        this.peerSessionId = peerSessionId;
        this.sequencing = sequencing;
        this.plan = plan;
        this.metrics = metrics;
        this.data = data;
        this.startedAt = now;
        this.ppp = new PppSession(plan.session(), this, random);
        this.path = tunnelPath.attach(this, sequencing);
    }

    /**
     * The L2TP session is connected: PPP starts, from the LAC's proxy LCP and authentication
     * (RFC 2661 §4.4.5) when {@code proxyAvps} carry them and the plan accepts them.
     */
    public void start(long now, List<Avp> proxyAvps) {
        if (proxyAvps.isEmpty()) {
            ppp.start(now);
        } else {
            ppp.start(now, ProxyAvps.lcp(proxyAvps), ProxyAvps.auth(proxyAvps));
        }
    }

    /** A data message of this session; takes ownership of {@code payload}. */
    public void receive(L2tpHeader header, ByteBuf payload, long now) {
        try {
            if (finished) {
                data.dropped(DropReason.NO_PPP, payload.readableBytes());
                return;
            }
            if (header.ns() != L2tpHeader.ABSENT && !inSequence(header.ns())) {
                data.dropped(DropReason.OUT_OF_ORDER, payload.readableBytes());
                return;
            }
            int protocol = PppFrame.readHeader(payload);
            if (protocol < 0) {
                data.dropped(DropReason.MALFORMED_IP, payload.readableBytes());
                return;
            }
            frame(protocol, payload, now);
        } finally {
            payload.release();
        }
    }

    @Override
    public void frameFromSubscriber(int protocol, ByteBuf payload) {
        try {
            if (finished) {
                data.dropped(DropReason.NO_PPP, payload.readableBytes());
                return;
            }
            frame(protocol, payload, System.nanoTime());
        } finally {
            payload.release();
        }
    }

    /** One PPP frame from the subscriber, after its protocol field; does not take {@code payload}. */
    private void frame(int protocol, ByteBuf payload, long now) {
        if (protocol == IpPackets.PPP_IPV4 && ipv4Up) {
            fromSubscriberIpv4(payload.retain());
        } else if (protocol == IpPackets.PPP_IPV6 && plan.session().ipv6()) {
            // IPv6CP may be open, but no prefix is delegated yet: nothing to route it with.
            data.dropped(DropReason.IPV6_UNROUTED, payload.readableBytes());
        } else if (protocol == IpPackets.PPP_IPV4) {
            data.dropped(DropReason.NCP_NOT_OPEN, payload.readableBytes());
        } else {
            ppp.receive(new PppFrame(protocol, ByteBufUtil.getBytes(payload)), now);
        }
    }

    /** RFC 2661 §5.4: Ns must not go backwards (modulo 2^16); late or repeated packets are dropped. */
    private boolean inSequence(int ns) {
        int ahead = (ns - dataNr) & 0xFFFF;
        if (ahead >= 0x8000) return false;
        dataNr = (ns + 1) & 0xFFFF;
        return true;
    }

    private void fromSubscriberIpv4(ByteBuf p) {
        if (!IpPackets.isIpv4(p)) {
            data.dropped(DropReason.MALFORMED_IP, p.readableBytes());
            p.release();
            return;
        }
        if (IpPackets.ipv4Source(p) != peerAddress) {
            data.dropped(DropReason.SPOOFED_SOURCE, p.readableBytes());
            p.release();
            return;
        }
        p.writerIndex(p.readerIndex() + IpPackets.ipv4TotalLength(p));
        if (plan.mssClamp() && MssClamp.clampIpv4(p, mtu)) data.mssClamped();
        int n = p.readableBytes();
        packetsIn++;
        bytesIn += n;
        data.fromSubscriber(n);
        path.fromSubscriber(IpPackets.PPP_IPV4, p);
    }

    @Override
    public EventLoop loop() {
        return host.loop();
    }

    @Override
    public void toSubscriber(int pppProtocol, ByteBuf packet) {
        int n = packet.readableBytes();
        if (finished) {
            data.dropped(DropReason.NO_SESSION, n);
            packet.release();
            return;
        }
        if (n > mtu) {
            data.dropped(DropReason.TOO_BIG, n);
            packet.release();
            return;
        }
        if (plan.mssClamp() && pppProtocol == IpPackets.PPP_IPV4 && MssClamp.clampIpv4(packet, mtu)) {
            data.mssClamped();
        }
        packetsOut++;
        bytesOut += n;
        data.toSubscriber(n);
        frameOut(pppProtocol, packet);
    }

    private void frameOut(int protocol, ByteBuf packet) {
        int ns = sequencing ? (dataNs++ & 0xFFFF) : -1;
        DataFraming.prependHeaders(packet, host.peerTunnelId(), peerSessionId, ns, dataNr, protocol);
        host.sendData(packet);
    }

    @Override
    public int localSessionId() {
        return localSessionId;
    }

    @Override
    public void sendFrame(int protocol, byte[] information) {
        if (!finished) path.sendFrame(protocol, information);
    }

    @Override
    public void frameInDataMessage(int protocol, byte[] information) {
        ByteBuf buf = host.allocator().buffer(DataFraming.HEADROOM + information.length);
        buf.writerIndex(DataFraming.HEADROOM).readerIndex(DataFraming.HEADROOM);
        buf.writeBytes(information);
        frameOut(protocol, buf);
    }

    @Override
    public void phaseChanged(PppPhase from, PppPhase to) {
        if (to == PppPhase.NETWORK && !finished) path.networkPhase();
    }

    @Override
    public void dataPathFailed(String reason) {
        if (finished) return;
        log.warn("session {}: data path failed: {}", localSessionId, reason);
        ppp.lowerLayerDown(System.nanoTime(), "data path: " + reason);
        finish("data path: " + reason);
    }

    @Override
    public void timerWanted(long deadline) {
        if (finished || deadline == Long.MAX_VALUE || deadline >= timerAt) return;
        if (timer != null) timer.cancel(false);
        timerAt = deadline;
        timer = host.loop().schedule(this::tick, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void tick() {
        timer = null;
        timerAt = Long.MAX_VALUE;
        if (!finished) ppp.tick(System.nanoTime());
    }

    @Override
    public void authResultReady(long token, AuthResult result) {
        host.loop().execute(() -> authResult(token, result));
    }

    private void authResult(long token, AuthResult result) {
        if (finished) return;
        if (result instanceof AuthResult.Accepted a) {
            if (a.address().isPresent()) {
                Inet4Address fixed = a.address().get();
                if (plan.pools().poolContaining(fixed).isPresent()) {
                    Optional<AddressPool.Lease> reserved = plan.pools().reserve(fixed);
                    if (reserved.isEmpty()) {
                        result = new AuthResult.Rejected("fixed address " + fixed.getHostAddress() + " is in use");
                    } else {
                        hold(reserved.get());
                    }
                }
            }
            acceptedPool = a.pool().orElse(null);
        }
        metrics.authenticated(result.accepted());
        if (result instanceof AuthResult.Rejected r)
            log.debug("session {}: authentication rejected: {}", localSessionId, r.reason());
        ppp.onAuthResult(token, result, System.nanoTime());
    }

    /** PppSession asks for a pool address when the authenticator gave no fixed one. */
    @Override
    public Optional<Inet4Address> leaseAddress() {
        Optional<AddressPool> pool = acceptedPool != null ? plan.pools().pool(acceptedPool) : plan.pool();
        Optional<AddressPool.Lease> l = pool.flatMap(AddressPool::lease);
        l.ifPresent(this::hold);
        return l.map(AddressPool.Lease::address);
    }

    private void hold(AddressPool.Lease l) {
        if (lease != null && lease.release()) metrics.leased(-1);
        lease = l;
        metrics.leased(1);
    }

    @Override
    public void sessionUp(SessionInfo info) {
        peerAddress = Ipv4.toInt(info.peerAddress());
        mtu = ppp.peerMru();
        user = info.user().orElse("");
        ipv4Up = true;
        path.up(info.localAddress(), info.peerAddress(), mtu);
        List<FramedRoute> routes =
                info.authResult().map(AuthResult.Accepted::routes).orElse(List.of());
        if (!routes.isEmpty() && !path.routeTo(routes)) {
            log.warn(
                    "session {}: {}'s routes {} are not routed: only the kernel data path routes prefixes to a"
                            + " subscriber",
                    localSessionId,
                    info.user().orElse("?"),
                    routes);
        }
        metrics.subscriberUp(System.nanoTime() - startedAt);
        log.debug(
                "session {}: {} up with {} (MTU {})",
                localSessionId,
                user,
                info.peerAddress().getHostAddress(),
                mtu);
    }

    @Override
    public void echoRoundTrip(long nanos) {
        metrics.echoRoundTrip(nanos);
    }

    @Override
    public void proxyOutcome(ProxyOutcome outcome) {
        metrics.proxyOutcome(outcome.label());
        if (outcome instanceof ProxyOutcome.RenegotiatedUnacceptable r) {
            log.debug("session {}: proxy LCP not acceptable, renegotiating: {}", localSessionId, r.reason());
        }
    }

    @Override
    public void sessionDown(String reason) {
        finish(reason);
    }

    /** The L2TP session is gone (CDN, StopCCN, tunnel failure, shutdown): PPP stops at once. */
    public void lowerLayerDown(String reason) {
        l2tpGone = true;
        ppp.lowerLayerDown(System.nanoTime(), reason);
        finish(reason); // in case PPP had not started or already reported
    }

    private void finish(String reason) {
        if (finished) return;
        finished = true;
        if (timer != null) timer.cancel(false);
        timer = null;
        path.close();
        if (lease != null && lease.release()) metrics.leased(-1);
        if (ipv4Up) metrics.subscriberDown();
        ipv4Up = false;
        String cause = EndCause.of(reason, l2tpGone);
        metrics.ended(cause);
        log.debug("session {}: PPP ended ({})", localSessionId, reason);
        if (!l2tpGone) host.pppEnded(this, reason, cause.equals(EndCause.POOL_EXHAUSTED));
    }

    /** Status line fields for SIGUSR1 and the demo. */
    @Override
    public String toString() {
        return "session " + localSessionId + " " + (user == null ? "-" : user) + " "
                + (ipv4Up ? Ipv4.format(peerAddress) : ppp.phase().name().toLowerCase())
                + " in " + packetsIn + "p/" + bytesIn + "B out " + packetsOut + "p/" + bytesOut + "B"
                + (finished ? "" : " " + path.status()).stripTrailing();
    }
}
