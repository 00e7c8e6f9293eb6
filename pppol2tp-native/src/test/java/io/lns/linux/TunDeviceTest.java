package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real packets through a two-queue TUN device in a namespace of the test's own: the namespace's
 * socket sends to a host "behind" the device and a queue reads the packet on an epoll loop; a packet
 * written into a queue reaches the namespace's socket.
 */
class TunDeviceTest {
    private static final int BATCH = 64;
    private static final Inet4Address LOCAL = v4("10.77.0.1");
    private static final Inet4Address REMOTE = v4("10.77.0.2");

    private static NetNamespace namespace;
    private static MultiThreadIoEventLoopGroup group;
    private static TunDevice tun;
    private static final List<FdWatch> watches = new ArrayList<>();
    /** (queue index, packet) as read on the loops. */
    private static final BlockingQueue<Object[]> received = new LinkedBlockingQueue<>();

    @BeforeAll
    static void setUp() throws Exception {
        namespace = TestNamespaces.create("tun");
        group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
        tun = namespace.call(() -> {
            TunDevice device = TunDevice.open("lns%d", 2);
            try (RtNetlink rt = RtNetlink.open()) {
                rt.setLinkUp(device.ifIndex(), true);
                rt.addAddress(device.ifIndex(), LOCAL, 24);
            }
            return device;
        });
        for (TunQueue queue : tun.queues()) {
            ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
            watches.add(FdWatch.register(group.next(), queue.fd(), () -> {
                        for (int i = 0; i < BATCH; i++) {
                            buffer.clear();
                            if (queue.read(buffer) == 0) {
                                return;
                            }
                            received.add(new Object[] {queue.index(), ByteBufUtil.getBytes(buffer)});
                        }
                    })
                    .get(5, TimeUnit.SECONDS));
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        watches.forEach(FdWatch::close);
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (tun != null) {
            tun.close();
        }
        if (namespace != null) {
            namespace.close();
        }
    }

    @Test
    void hasTheRequestedNameIndexAndQueues() throws Exception {
        assertThat(tun.name()).matches("lns\\d+");
        assertThat(tun.queueCount()).isEqualTo(2);
        assertThat(tun.queues()).extracting(TunQueue::index).containsExactly(0, 1);
        int index = namespace.call(() -> {
            try (RtNetlink rt = RtNetlink.open()) {
                return rt.linkIndex(tun.name());
            }
        });
        assertThat(tun.ifIndex()).isEqualTo(index);
    }

    @Test
    void aDatagramRoutedToTheDeviceIsReadFromAQueueAsAnIpv4Packet() throws Exception {
        byte[] payload = "to the subscriber".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = namespace.call(() -> new DatagramSocket(new InetSocketAddress(LOCAL, 0)))) {
            socket.send(new DatagramPacket(payload, payload.length, new InetSocketAddress(REMOTE, 4000)));

            byte[] packet = awaitUdpTo(REMOTE, 4000);

            assertThat(packet[0] >> 4).isEqualTo(4);
            assertThat(Ipv4Udp.udpPayload(packet)).isEqualTo(payload);
        }
    }

    @Test
    void aPacketWrittenIntoAQueueReachesTheNamespacesSocket() throws Exception {
        byte[] payload = "from the subscriber".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = namespace.call(() -> new DatagramSocket(new InetSocketAddress(LOCAL, 0)))) {
            socket.setSoTimeout(5000);
            byte[] packet = Ipv4Udp.packet(REMOTE, 5555, LOCAL, socket.getLocalPort(), payload);
            ByteBuf direct = Unpooled.directBuffer(packet.length).writeBytes(packet);
            try {
                assertThat(tun.queue(1).write(direct)).isTrue();
                assertThat(direct.readableBytes())
                        .as("write leaves indices alone")
                        .isEqualTo(packet.length);
            } finally {
                direct.release();
            }

            DatagramPacket datagram = new DatagramPacket(new byte[256], 256);
            socket.receive(datagram);

            assertThat(new String(datagram.getData(), 0, datagram.getLength(), StandardCharsets.US_ASCII))
                    .isEqualTo("from the subscriber");
            assertThat(datagram.getSocketAddress()).isEqualTo(new InetSocketAddress(REMOTE, 5555));
            assertThat(tun.queue(1).droppedWrites()).isZero();
        }
    }

    @Test
    void buffersWithoutANativeAddressGoThroughTheirNioView() throws Exception {
        Inet4Address local = v4("10.78.0.1");
        Inet4Address remote = v4("10.78.0.2");
        TunDevice device = namespace.call(() -> {
            TunDevice d = TunDevice.open("nio0", 1);
            try (RtNetlink rt = RtNetlink.open()) {
                rt.setLinkUp(d.ifIndex(), true);
                rt.addAddress(d.ifIndex(), local, 24);
            }
            return d;
        });
        // Netty gives this JVM's direct buffers an address, so the NIO path is forced here.
        ByteBuf readBuffer = Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(2048));
        BlockingQueue<byte[]> packets = new LinkedBlockingQueue<>();
        FdWatch watch = FdWatch.register(group.next(), device.queue(0).fd(), () -> {
                    for (int i = 0; i < BATCH; i++) {
                        readBuffer.clear();
                        if (device.queue(0).read(readBuffer, false) == 0) {
                            return;
                        }
                        packets.add(ByteBufUtil.getBytes(readBuffer));
                    }
                })
                .get(5, TimeUnit.SECONDS);
        try (DatagramSocket socket = namespace.call(() -> new DatagramSocket(new InetSocketAddress(local, 0)))) {
            socket.setSoTimeout(5000);
            socket.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, new InetSocketAddress(remote, 4001)));
            byte[] packet = null;
            for (int i = 0; i < 100 && packet == null; i++) {
                byte[] next = packets.poll(5, TimeUnit.SECONDS);
                assertThat(next).as("a packet from nio0").isNotNull();
                packet = Ipv4Udp.isUdpTo(next, remote, 4001) ? next : null;
            }
            assertThat(Ipv4Udp.udpPayload(packet)).containsExactly(1, 2, 3);

            byte[] reply = Ipv4Udp.packet(remote, 4001, local, socket.getLocalPort(), new byte[] {4, 5});
            ByteBuf writeBuffer = Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(reply.length));
            writeBuffer.clear().writeBytes(reply);
            assertThat(device.queue(0).write(writeBuffer, false)).isTrue();
            DatagramPacket datagram = new DatagramPacket(new byte[16], 16);
            socket.receive(datagram);
            assertThat(datagram.getLength()).isEqualTo(2);
        } finally {
            watch.close();
            device.close();
        }
    }

    @Test
    void writingSomethingThatIsNotIpIsRefusedWithEinval() {
        ByteBuf garbage = Unpooled.directBuffer(8).writeLong(0x1122334455667788L);
        try {
            assertThatThrownBy(() -> tun.queue(0).write(garbage))
                    .isInstanceOfSatisfying(
                            NativeException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("EINVAL"))
                    .hasMessageStartingWith("write(" + tun.name() + " queue 0)");
        } finally {
            garbage.release();
        }
    }

    @Test
    void heapBuffersAreRefused() {
        assertThatThrownBy(() -> tun.queue(0).read(Unpooled.buffer(2048)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("direct");
    }

    @Test
    void aSecondOpenOfASingleQueueDeviceIsBusy() throws Exception {
        namespace.call(() -> {
            try (TunDevice first = TunDevice.open("single0", 1)) {
                assertThatThrownBy(() -> TunDevice.open("single0", 1))
                        .isInstanceOfSatisfying(
                                NativeException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("EBUSY"))
                        .hasMessageStartingWith("ioctl(TUNSETIFF, single0): EBUSY");
                assertThat(first.name()).isEqualTo("single0");
            }
            return null;
        });
    }

    @Test
    void aNameTheKernelRejectsIsEinval() throws Exception {
        namespace.call(() -> {
            assertThatThrownBy(() -> TunDevice.open("bad/name", 1)).isInstanceOfSatisfying(NativeException.class, e -> {
                assertThat(e.errnoName()).isEqualTo("EINVAL");
                assertThat(e.operation()).isEqualTo("ioctl(TUNSETIFF, bad/name)");
            });
            return null;
        });
    }

    @Test
    void closingTheLastQueueDeletesTheDevice() throws Exception {
        List<String> after = namespace.call(() -> {
            TunDevice device = TunDevice.open("gone0", 2);
            device.close();
            try (RtNetlink rt = RtNetlink.open()) {
                return rt.links().stream().map(RtNetlink.Link::name).toList();
            }
        });

        assertThat(after).doesNotContain("gone0");
    }

    private static byte[] awaitUdpTo(Inet4Address destination, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        // The device also sees IPv6 router solicitations and the like: skip anything else.
        for (int i = 0; i < 1000; i++) {
            Object[] entry = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(entry)
                    .as("a UDP packet to %s:%d from a TUN queue", destination, port)
                    .isNotNull();
            byte[] packet = (byte[]) entry[1];
            if (Ipv4Udp.isUdpTo(packet, destination, port)) {
                return packet;
            }
        }
        throw new AssertionError("no UDP packet to " + destination + ":" + port);
    }

    private static Inet4Address v4(String text) {
        try {
            return (Inet4Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
