package io.lns.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lns.linux.Capabilities;
import io.lns.linux.NetNamespace;
import io.lns.linux.RtNetlink;
import io.lns.server.pool.Ipv4;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TUN data plane in a network namespace of its own: the host's packets to a subscriber's
 * address reach that subscriber's link, and a subscriber's ping to the gateway is answered by
 * the namespace's kernel, back through the device.
 */
class TunDataPlaneTest {
    private static final int GATEWAY = 0x64500001; // 100.80.0.1
    private static final int SUBSCRIBER = 0x64500005;

    private NetNamespace ns;
    private EventLoopGroup group;
    private TunDataPlane plane;
    private final DataMetrics metrics = new DataMetrics(new SimpleMeterRegistry());
    private final LinkedBlockingQueue<ByteBuf> toSubscriber = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        String why = NetNamespace.unavailableReason();
        assumeTrue(why == null, why);
        ns = NetNamespace.create("lns-tun-" + ProcessHandle.current().pid());
        Capabilities.Check tun = ns.call(() -> Capabilities.probe().tun()); // its probe device stays in ns
        assumeTrue(tun.available(), tun.reason());
        group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
        plane = new TunDataPlane(
                "lnst0",
                1460,
                new TunDataPlane.Addressing(List.of(Ipv4.toAddress(GATEWAY)), Prefixes.cover(0x64500000L, 0x645000FFL)),
                metrics);
        ns.call(() -> {
            plane.start(group);
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (plane != null) plane.close();
        if (group != null) group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (ns != null) {
            List<String> links = ns.call(() -> {
                try (RtNetlink rtnl = RtNetlink.open()) {
                    return rtnl.links().stream().map(RtNetlink.Link::name).toList();
                }
            });
            assertThat(links).as("the device is gone with its queues").doesNotContain("lnst0");
            ns.close();
        }
    }

    private SessionDataPath attach(EventLoop loop) throws Exception {
        SubscriberLink link = new SubscriberLink() {
            @Override
            public EventLoop loop() {
                return loop;
            }

            @Override
            public void toSubscriber(int pppProtocol, ByteBuf packet) {
                assertThat(loop.inEventLoop()).isTrue();
                assertThat(pppProtocol).isEqualTo(0x0021);
                toSubscriber.add(packet);
            }

            @Override
            public int localSessionId() {
                return 1;
            }

            @Override
            public void frameInDataMessage(int protocol, byte[] information) {}

            @Override
            public void frameFromSubscriber(int protocol, ByteBuf payload) {
                payload.release();
            }

            @Override
            public void dataPathFailed(String reason) {
                throw new AssertionError(reason);
            }
        };
        return loop.submit(() -> {
                    SessionDataPath p = plane.attach(link);
                    p.up(Ipv4.toAddress(GATEWAY), Ipv4.toAddress(SUBSCRIBER), 1400);
                    return p;
                })
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void hostPacketsReachTheSubscriberAndUnknownDestinationsAreCounted() throws Exception {
        EventLoop loop = group.next();
        SessionDataPath path = attach(loop);
        ns.call(() -> {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(Ipv4.toAddress(GATEWAY), 0))) {
                byte[] hello = "hello".getBytes();
                s.send(new DatagramPacket(hello, hello.length, Ipv4.toAddress(SUBSCRIBER), 9));
                s.send(new DatagramPacket(hello, hello.length, Ipv4.toAddress(SUBSCRIBER + 1), 9));
            }
            return null;
        });
        ByteBuf got = toSubscriber.poll(5, TimeUnit.SECONDS);
        assertThat(got).as("UDP datagram through the TUN").isNotNull();
        assertThat(IpPackets.ipv4Destination(got)).isEqualTo(SUBSCRIBER);
        assertThat(got.readableBytes()).isEqualTo(20 + 8 + 5);
        assertThat(got.readerIndex()).as("headroom kept for the L2TP headers").isGreaterThanOrEqualTo(16);
        got.release();
        for (int i = 0; i < 100 && metrics.droppedCount(DropReason.NO_SESSION) == 0; i++) Thread.sleep(10);
        assertThat(metrics.droppedCount(DropReason.NO_SESSION)).isEqualTo(1);

        loop.submit(path::close).get(5, TimeUnit.SECONDS);
        assertThat(plane.routedSessions()).isZero();
    }

    @Test
    void subscribersPingToTheGatewayIsAnsweredThroughTheDevice() throws Exception {
        EventLoop loop = group.next();
        SessionDataPath path = attach(loop);
        ByteBuf ping = ByteBufAllocator.DEFAULT.directBuffer();
        ping.writeByte(0x45).writeByte(0).writeShort(28).writeShort(7).writeShort(0);
        ping.writeByte(64).writeByte(1).writeShort(0).writeInt(SUBSCRIBER).writeInt(GATEWAY);
        ping.setShort(10, MssClampTest.checksum(ping, 0, 20, 0));
        ping.writeByte(8).writeByte(0).writeShort(0).writeShort(0x1234).writeShort(1);
        ping.setShort(22, MssClampTest.checksum(ping, 20, 8, 0));
        loop.execute(() -> path.fromSubscriber(0x0021, ping));
        ByteBuf reply = toSubscriber.poll(5, TimeUnit.SECONDS);
        assertThat(reply).as("echo reply from the gateway").isNotNull();
        int icmp = reply.readerIndex() + 20;
        assertThat(reply.getUnsignedByte(icmp)).isZero(); // echo reply
        assertThat(reply.getUnsignedShort(icmp + 4)).isEqualTo(0x1234);
        assertThat(IpPackets.ipv4Source(reply)).isEqualTo(GATEWAY);
        reply.release();
    }
}
