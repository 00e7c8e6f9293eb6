package io.lns.server.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.ProxyAvps.LastReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.ppp.proxy.ProxyAuth;
import io.lns.ppp.proxy.ProxyLcp;
import io.lns.ppp.session.PppSession;
import io.lns.ppp.session.PppSessionConfig;
import io.lns.ppp.session.PppSessionSink;
import io.lns.ppp.session.SessionInfo;
import io.lns.server.aaa.LocalAuthenticator;
import io.lns.server.aaa.LocalUsers;
import io.lns.server.dataplane.DataFraming;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.DropReason;
import io.lns.server.dataplane.SessionDataPath;
import io.lns.server.dataplane.TunnelDataPath;
import io.lns.server.pool.AddressPool;
import io.lns.server.pool.AddressPools;
import io.lns.server.pool.Ipv4;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A subscriber session against a PPP peer (ppp-bridge's peer role) over the session's data
 * messages, on a real event loop: PPP comes up with a pool address, IP crosses both ways,
 * spoofed packets are dropped, and the lease is returned once.
 */
class SubscriberSessionTest {
    private final EventLoop loop = new DefaultEventLoop();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DataMetrics data = new DataMetrics(registry);
    private final PppMetrics metrics = new PppMetrics(registry);
    private final AddressPool pool = AddressPool.of("default", "100.64.0.2-100.64.0.9");
    private final List<ByteBuf> toHost = new ArrayList<>();
    private final List<String> ended = new ArrayList<>();
    private final List<Integer> lnsSent = new ArrayList<>();
    private final List<PppFrame> peerData = new ArrayList<>();
    private SubscriberSession lns;
    private PppSession peer;
    private SessionInfo peerInfo;
    private Inet4Address pathUp;

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private <T> T onLoop(Callable<T> c) throws Exception {
        return loop.submit(c).get(5, TimeUnit.SECONDS);
    }

    private void start(AuthProtocol auth, String user, String password) throws Exception {
        start(auth, user, password, List.of(), Optional.empty(), Optional.empty());
    }

    private void start(
            AuthProtocol auth,
            String user,
            String password,
            List<Avp> proxyAvps,
            Optional<ProxyLcp> peerProxy,
            Optional<ProxyAuth> peerAuth)
            throws Exception {
        LocalUsers users = LocalUsers.parse("users", "users:\n  alice: {password: s3cret}\n");
        PppPlan plan = new PppPlan(
                PppSessionConfig.authenticator(
                        LcpConfig.authenticator(1460, List.of(auth)),
                        new LocalAuthenticator(users),
                        Ipv4.toAddress(0x64400001),
                        null,
                        null),
                AddressPools.of(List.of(pool)),
                Optional.of(pool),
                true);
        TunnelDataPath recording = (link, sequencing) -> new SessionDataPath() {
            @Override
            public void sendFrame(int protocol, byte[] information) {
                link.frameInDataMessage(protocol, information);
            }

            @Override
            public void up(Inet4Address local, Inet4Address address, int mtu) {
                pathUp = address;
            }

            @Override
            public void fromSubscriber(int protocol, ByteBuf packet) {
                toHost.add(packet);
            }

            @Override
            public void close() {
                pathUp = null;
            }
        };
        Host host = new Host();
        onLoop(() -> {
            lns = new SubscriberSession(host, 7, 70, false, plan, recording, metrics, data, new Random(1), 0);
            peer = new PppSession(
                    PppSessionConfig.peer(LcpConfig.peer(1400, List.of(auth)), user, password, false),
                    new PeerSink(),
                    new Random(2));
            peer.start(System.nanoTime(), peerProxy, peerAuth);
            lns.start(System.nanoTime(), proxyAvps);
            return null;
        });
    }

    /** The LNS side's tunnel: data messages go straight into the peer's PPP. */
    private final class Host implements SubscriberHost {
        @Override
        public EventLoop loop() {
            return loop;
        }

        @Override
        public ByteBufAllocator allocator() {
            return ByteBufAllocator.DEFAULT;
        }

        @Override
        public int peerTunnelId() {
            return 99;
        }

        @Override
        public void sendData(ByteBuf datagram) {
            try {
                int at = datagram.readerIndex();
                assertThat(datagram.getUnsignedShort(at) & 0xC000).isZero(); // a data message
                assertThat(datagram.getUnsignedShort(at + 2)).isEqualTo(99);
                assertThat(datagram.getUnsignedShort(at + 4)).isEqualTo(70);
                datagram.skipBytes(6);
                int protocol = PppFrame.readHeader(datagram);
                lnsSent.add(protocol);
                peer.receive(new PppFrame(protocol, ByteBufUtil.getBytes(datagram)), System.nanoTime());
            } finally {
                datagram.release();
            }
        }

        @Override
        public void pppEnded(SubscriberSession session, String reason, boolean outOfAddresses) {
            ended.add(reason);
        }
    }

    private final class PeerSink implements PppSessionSink {
        @Override
        public void sendFrame(int protocol, byte[] information) {
            ByteBuf payload = Unpooled.buffer();
            payload.writeShort(0xFF03).writeShort(protocol).writeBytes(information);
            loop.execute(() -> lns.receive(L2tpHeader.data(1, 7), payload, System.nanoTime()));
        }

        @Override
        public void timerWanted(long deadline) {
            if (deadline != Long.MAX_VALUE) {
                loop.schedule(() -> peer.tick(System.nanoTime()), 50, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void sessionUp(SessionInfo info) {
            peerInfo = info;
        }

        @Override
        public void sessionDown(String reason) {}

        @Override
        public void dataFrame(PppFrame frame) {
            peerData.add(frame);
        }

        @Override
        public void authResultReady(long token, AuthResult result) {
            loop.execute(() -> peer.onAuthResult(token, result, System.nanoTime()));
        }
    }

    private void awaitUp() throws Exception {
        for (int i = 0; i < 200 && onLoop(() -> peerInfo == null || pathUp == null); i++) Thread.sleep(10);
        assertThat(peerInfo).as("peer's IPCP up").isNotNull();
        assertThat(pathUp).isEqualTo(peerInfo.localAddress());
    }

    private static ByteBuf udpFrom(int source) {
        ByteBuf p = Unpooled.buffer();
        p.writeByte(0x45)
                .writeByte(0)
                .writeShort(28)
                .writeInt(0)
                .writeByte(64)
                .writeByte(17)
                .writeShort(0);
        p.writeInt(source).writeInt(0x08080808);
        p.writeShort(1000).writeShort(53).writeShort(8).writeShort(0);
        return p;
    }

    private void peerSends(ByteBuf ip) throws Exception {
        ByteBuf payload = Unpooled.buffer();
        payload.writeShort(0xFF03).writeShort(0x0021).writeBytes(ip);
        onLoop(() -> {
            lns.receive(L2tpHeader.data(1, 7), payload, System.nanoTime());
            return null;
        });
    }

    @Test
    void chapSubscriberGetsAPoolAddressAndPassesTrafficBothWays() throws Exception {
        start(AuthProtocol.CHAP_MD5, "alice", "s3cret");
        awaitUp();
        assertThat(pool.contains(peerInfo.localAddress())).isTrue();
        assertThat(metrics.subscribersUp()).isEqualTo(1);
        assertThat(metrics.addressesLeased()).isEqualTo(1);

        int address = Ipv4.toInt(peerInfo.localAddress());
        peerSends(udpFrom(address));
        assertThat(toHost).hasSize(1);
        assertThat(toHost.get(0).readableBytes()).isEqualTo(28);

        peerSends(udpFrom(address + 1));
        assertThat(toHost).hasSize(1);
        assertThat(data.droppedCount(DropReason.SPOOFED_SOURCE)).isEqualTo(1);

        ByteBuf down = Unpooled.buffer();
        down.writerIndex(DataFraming.HEADROOM).readerIndex(DataFraming.HEADROOM);
        down.writeBytes(udpFrom(0x08080808));
        onLoop(() -> {
            lns.toSubscriber(0x0021, down);
            return null;
        });
        assertThat(peerData).hasSize(1);
        assertThat(peerData.get(0).protocol()).isEqualTo(0x0021);

        onLoop(() -> {
            lns.lowerLayerDown("CDN from LAC");
            lns.lowerLayerDown("again");
            return null;
        });
        assertThat(pool.used()).isZero();
        assertThat(pool.usage().doubleReleases()).isZero();
        assertThat(metrics.subscribersUp()).isZero();
        assertThat(metrics.addressesLeased()).isZero();
        assertThat(pathUp).isNull();
        assertThat(ended).as("no CDN when the L2TP session is already gone").isEmpty();
    }

    @Test
    void proxyLcpAndPapFromTheLacAreAcceptedWithoutAnyLcpExchange() throws Exception {
        ProxyLcp proxy = ProxyLcp.forSubscriber(1400, 0x11111111, 1460, AuthProtocol.PAP, 0x22222222);
        ProxyAuth pap = ProxyAuth.pap("alice", "s3cret");
        List<Avp> avps = List.of(
                Avp.of(new LastSentLcpConfReq(Octets.wrap(proxy.lastSent()))),
                Avp.of(new LastReceivedLcpConfReq(Octets.wrap(proxy.lastReceived()))),
                Avp.of(new ProxyAuthenType(3)),
                Avp.of(new ProxyAuthenName("alice")),
                Avp.of(new ProxyAuthenId(1)),
                Avp.of(new ProxyAuthenResponse(Octets.wrap("s3cret".getBytes()))));
        start(AuthProtocol.PAP, "alice", "s3cret", avps, Optional.of(proxy), Optional.of(pap));
        awaitUp();
        assertThat(registry.get("lns_ppp_proxy_lcp")
                        .tag("outcome", "accepted")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(lnsSent).as("no LCP from the LNS").doesNotContain(0xC021).contains(0xC023, 0x8021);
    }

    @Test
    void wrongPasswordEndsTheSessionWithoutALease() throws Exception {
        start(AuthProtocol.PAP, "alice", "wrong");
        for (int i = 0; i < 200 && onLoop(ended::isEmpty); i++) Thread.sleep(10);
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0)).contains("authentication failed");
        assertThat(pool.used()).isZero();
        assertThat(registry.get("lns_ppp_auth")
                        .tag("result", "rejected")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void ipBeforeIpcpIsCountedNotForwarded() throws Exception {
        start(AuthProtocol.MSCHAP_V2, "alice", "s3cret");
        // race the negotiation on purpose: sent right away, IPCP cannot be open yet
        peerSends(udpFrom(0x64400002));
        assertThat(data.droppedCount(DropReason.NCP_NOT_OPEN)).isEqualTo(1);
        awaitUp();
        assertThat(peerInfo.authMethod()).contains(AuthProtocol.MSCHAP_V2);
    }
}
