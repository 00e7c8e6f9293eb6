package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.Memory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernel data path for real (kernel/FACTS.md): genl {@code l2tp}, PPPoL2TP sockets and {@code
 * /dev/ppp} in a network namespace of the test's own. Two UDP sockets on 127.0.0.1 connected to each
 * other stand in for the LNS and the LAC; each gets a kernel tunnel and a session, a PPPoL2TP socket
 * and a channel fd, so a frame written on one channel is read on the other after a trip through the
 * kernel's L2TP encapsulation. The LNS side also gets a unit and its {@code ppp} netdev; the LAC side
 * keeps its channel unconnected, so it sees the IP packets the LNS's netdev sends.
 *
 * <p>Tagged {@code vm}: the host kernel has none of this, so surefire skips it; it runs under qemu
 * with Debian's 6.1 kernel (shared/kernel/vm-run.sh, scripts/vm-tests).
 */
@Tag("vm")
class KernelL2tpTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Inet4Address LOOPBACK = v4("127.0.0.1");
    private static final Inet4Address LNS_ADDRESS = v4("10.66.0.1");
    private static final Inet4Address SUBSCRIBER_ADDRESS = v4("10.66.0.2");

    /** LCP Configure-Request id 1 with a Magic-Number option, in the kernel's framing (no FF 03). */
    private static final byte[] LCP_CONFIGURE_REQUEST = HexFormat.of().parseHex("c021" + "0101000a" + "050611223344");
    /** LCP Echo-Request id 2, magic number 0x11223344. */
    private static final byte[] LCP_ECHO_REQUEST = HexFormat.of().parseHex("c021" + "09020008" + "11223344");
    /** IPCP Configure-Request id 1 with IP-Address 10.66.0.2. */
    private static final byte[] IPCP_CONFIGURE_REQUEST = HexFormat.of().parseHex("8021" + "0101000a" + "03060a420002");

    private static NetNamespace namespace;

    @BeforeAll
    static void createNamespace() throws Exception {
        namespace = TestNamespaces.create("kl2tp");
        inNamespace(() -> {
            try (RtNetlink rt = RtNetlink.open()) {
                rt.setLinkUp(rt.linkIndex("lo"), true);
            }
            // Warm up what opens files once per JVM (native libraries, JDK channels), so the fd counts
            // the tests compare see only what the tests themselves open and close.
            try (L2tpGenl genl = L2tpGenl.open();
                    L2tpEvents events = L2tpEvents.open();
                    PppUnit unit = PppUnit.create();
                    DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET)) {
                genl.tunnels();
                events.poll(Duration.ZERO);
                unit.read(Unpooled.directBuffer(2048));
            }
            return null;
        });
    }

    @AfterAll
    static void deleteNamespace() throws IOException {
        if (namespace != null) {
            namespace.close();
        }
    }

    @Test
    void familyResolvesWithItsMulticastGroup() throws Exception {
        inNamespace(() -> {
            try (GenericNetlink genl = GenericNetlink.open(Duration.ofSeconds(2))) {
                GenericNetlink.Family family = genl.family("l2tp");
                assertThat(family.id()).isPositive();
                assertThat(family.version()).isEqualTo(1);
                assertThat(family.groups()).containsKey("l2tp");
                try (L2tpGenl l2tp = L2tpGenl.open()) {
                    assertThat(l2tp.familyId()).isEqualTo(family.id());
                }
            }
            return null;
        });
    }

    @Test
    void refusalsCarryTheKernelsErrnoAndAbsentObjectsAreEmpty() throws Exception {
        int fdsBefore = openFds();
        inNamespace(() -> {
            int lns = udp(1801, 1802);
            int other = udp(1803, 1802);
            try (L2tpGenl genl = L2tpGenl.open()) {
                genl.createTunnel(110, 210, lns);

                assertThatThrownBy(() -> genl.createTunnel(110, 211, other))
                        .as("tunnel ids are unique per namespace")
                        .isInstanceOfSatisfying(NativeException.class, e -> {
                            assertThat(e.errnoName()).isEqualTo("EEXIST");
                            assertThat(e.operation()).startsWith("L2TP_CMD_TUNNEL_CREATE(tunnel 110");
                        });
                assertThatThrownBy(() -> genl.createTunnel(111, 210, lns))
                        .as("one tunnel per socket")
                        .isInstanceOfSatisfying(
                                NativeException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("EBUSY"));
                assertThatThrownBy(() -> genl.createSession(999, 1, 2, false))
                        .isInstanceOfSatisfying(NativeException.class, e -> {
                            assertThat(e.errnoName()).isEqualTo("ENODEV");
                            assertThat(e.operation()).isEqualTo("L2TP_CMD_SESSION_CREATE(tunnel 999, session 1)");
                        });
                genl.createSession(110, 1, 2, false);
                assertThatThrownBy(() -> genl.createSession(110, 1, 3, false))
                        .isInstanceOfSatisfying(
                                NativeException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));
                assertThatThrownBy(() -> PppoL2tpSocket.connect(998, 1, 2, 2, false))
                        .as("no tunnel, session ids non-zero")
                        .isInstanceOfSatisfying(
                                NativeException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("ENOENT"));
                try (PppoL2tpSocket first = PppoL2tpSocket.connect(110, 1, 210, 2, false)) {
                    assertThatThrownBy(() -> PppoL2tpSocket.connect(110, 1, 210, 2, false))
                            .as("one PPPoL2TP socket per session")
                            .isInstanceOfSatisfying(
                                    NativeException.class,
                                    e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));
                    assertThat(first.channelIndex()).isPositive();
                }

                assertThat(genl.session(110, 99)).isEmpty();
                assertThat(genl.session(999, 1)).isEmpty();
                assertThat(genl.tunnel(999)).isEmpty();
                assertThatThrownBy(() -> PppChannel.attach(0x7fff_0000))
                        .isInstanceOf(NativeException.class)
                        .hasMessageContaining("PPPIOCATTCHAN, channel");
            } finally {
                Sys.closeQuietly(other);
                Sys.closeQuietly(lns);
            }
            try (L2tpGenl genl = L2tpGenl.open()) {
                awaitTrue(
                        "tunnel 110 gone after its socket closed",
                        () -> genl.tunnel(110).isEmpty());
            }
            return null;
        });
        assertThat(openFds()).isEqualTo(fdsBefore);
    }

    @Test
    void framesAndPacketsCrossTheKernelBetweenTwoSessionsAndTeardownFollowsTheFacts() throws Exception {
        int fdsBefore = openFds();
        inNamespace(() -> {
            List<AutoCloseable> opened = new ArrayList<>();
            int lnsUdp = udp(1701, 1702);
            int lacUdp = udp(1702, 1701);
            try (L2tpGenl genl = L2tpGenl.open();
                    RtNetlink rt = RtNetlink.open()) {
                // Kernel tunnels and sessions, both ends in LNS mode without sequencing.
                genl.createTunnel(100, 200, lnsUdp);
                genl.createTunnel(200, 100, lacUdp);
                genl.createSession(100, 1, 2, false);
                genl.createSession(200, 2, 1, false);
                assertThat(genl.tunnel(100)).map(L2tpTunnelInfo::peerTunnelId).contains(200);
                assertThat(genl.session(100, 1))
                        .get()
                        .usingRecursiveComparison()
                        .ignoringFields("stats")
                        .isEqualTo(new L2tpSessionInfo(100, 1, 200, 2, false, false, true, L2tpStats.ZERO));
                assertThat(genl.tunnels()).extracting(L2tpTunnelInfo::tunnelId).contains(100, 200);
                assertThat(genl.sessions())
                        .extracting(s -> s.tunnelId() + "/" + s.sessionId())
                        .contains("100/1", "200/2");

                genl.setSequencing(100, 1, true);
                assertThat(genl.session(100, 1)).get().satisfies(s -> {
                    assertThat(s.sendSeq()).isTrue();
                    assertThat(s.recvSeq()).isTrue();
                });
                genl.setSequencing(100, 1, false);
                assertThat(genl.session(100, 1).orElseThrow().sendSeq()).isFalse();

                // PPPoL2TP sockets and their channels.
                PppoL2tpSocket lnsSocket = track(opened, PppoL2tpSocket.connect(100, 1, 200, 2, false));
                PppoL2tpSocket lacSocket = track(opened, PppoL2tpSocket.connect(200, 2, 100, 1, false));
                PppChannel lnsChannel = track(opened, PppChannel.attach(lnsSocket.channelIndex()));
                PppChannel lacChannel = track(opened, PppChannel.attach(lacSocket.channelIndex()));
                assertThat(lnsChannel.channelIndex()).isNotEqualTo(lacChannel.channelIndex());

                // LCP both ways on the channel fds: protocol + packet, no FF 03.
                assertThat(write(lnsChannel, LCP_CONFIGURE_REQUEST)).isTrue();
                assertThat(readFrame(lacChannel)).isEqualTo(LCP_CONFIGURE_REQUEST);
                assertThat(write(lacChannel, LCP_ECHO_REQUEST)).isTrue();
                assertThat(readFrame(lnsChannel)).isEqualTo(LCP_ECHO_REQUEST);

                // The unit, its netdev, and the channel connected to it.
                PppUnit unit = track(opened, PppUnit.create());
                assertThat(unit.interfaceName()).isEqualTo("ppp" + unit.unit());
                lnsChannel.connect(unit.unit());
                unit.setMru(1400);
                assertThat(unit.passes(PppUnit.PROTOCOL_IP))
                        .as("NP mode defaults to pass")
                        .isTrue();
                unit.setNpMode(PppUnit.PROTOCOL_IP, false);
                assertThat(unit.passes(PppUnit.PROTOCOL_IP)).isFalse();
                unit.setNpMode(PppUnit.PROTOCOL_IP, true);
                assertThat(unit.idle().transmitSeconds()).isNotNegative();

                // After PPPIOCCONNECT: IPCP lands on the unit fd, LCP still on the channel fd.
                assertThat(write(lacChannel, IPCP_CONFIGURE_REQUEST)).isTrue();
                assertThat(readFrame(unit)).isEqualTo(IPCP_CONFIGURE_REQUEST);
                assertThat(write(lacChannel, LCP_ECHO_REQUEST)).isTrue();
                assertThat(readFrame(lnsChannel)).isEqualTo(LCP_ECHO_REQUEST);
                assertThat(readNow(unit)).as("LCP never reaches the unit").isZero();
                // Frames written on the unit fd go out through the channel too.
                assertThat(write(unit, IPCP_CONFIGURE_REQUEST)).isTrue();
                assertThat(readFrame(lacChannel)).isEqualTo(IPCP_CONFIGURE_REQUEST);

                // The netdev: point-to-point address, the kernel's /32 route to the peer, up.
                int index = rt.linkIndex(unit.interfaceName());
                rt.addPeerAddress(index, LNS_ADDRESS, SUBSCRIBER_ADDRESS);
                rt.setLinkUp(index, true);
                assertThat(rt.routes()).contains(new RtNetlink.Route(SUBSCRIBER_ADDRESS, 32, index));

                // An IP packet from the "subscriber" reaches a socket behind the LNS netdev...
                try (DatagramChannel socket = DatagramChannel.open(StandardProtocolFamily.INET)) {
                    socket.bind(new InetSocketAddress(LNS_ADDRESS, 6000));
                    socket.configureBlocking(false);
                    byte[] packet = Ipv4Udp.packet(SUBSCRIBER_ADDRESS, 5000, LNS_ADDRESS, 6000, bytes("hello"));
                    assertThat(write(lacChannel, concat(new byte[] {0x00, 0x21}, packet)))
                            .isTrue();
                    assertThat(receive(socket)).isEqualTo(bytes("hello"));

                    // ...and a packet routed to the subscriber leaves through the kernel session.
                    socket.send(ByteBuffer.wrap(bytes("world")), new InetSocketAddress(SUBSCRIBER_ADDRESS, 7000));
                    byte[] frame = readFrame(lacChannel);
                    assertThat(frame[0]).isZero();
                    assertThat(frame[1]).isEqualTo((byte) 0x21);
                    byte[] ip = java.util.Arrays.copyOfRange(frame, 2, frame.length);
                    assertThat(Ipv4Udp.isUdpTo(ip, SUBSCRIBER_ADDRESS, 7000)).isTrue();
                    assertThat(Ipv4Udp.udpPayload(ip)).isEqualTo(bytes("world"));
                }

                // Counters moved, and the ioctl agrees with genl while nothing is in flight.
                L2tpStats lnsStats = genl.session(100, 1).orElseThrow().stats();
                assertThat(lnsStats.txPackets()).isGreaterThanOrEqualTo(3); // LCP, IPCP, "world"
                assertThat(lnsStats.rxPackets()).isGreaterThanOrEqualTo(4); // 2 LCP echoes, IPCP, "hello"
                assertThat(lnsStats.rxBytes()).isPositive();
                assertThat(lnsSocket.stats()).isEqualTo(lnsStats);
                assertThat(lacSocket.stats())
                        .isEqualTo(genl.session(200, 2).orElseThrow().stats());
                assertThat(lacSocket.stats().rxPackets()).isEqualTo(lnsStats.txPackets());
                assertThat(genl.tunnel(100).orElseThrow().stats().rxPackets())
                        .isGreaterThanOrEqualTo(lnsStats.rxPackets());

                // Teardown (FACTS §9): closing the PPPoL2TP socket ends the session and its channel...
                lnsSocket.close();
                lnsSocket.close(); // idempotent
                awaitEof(lnsChannel);
                awaitEof(unit);
                awaitTrue("session 100/1 gone", () -> genl.session(100, 1).isEmpty());
                assertThat(genl.tunnel(100)).as("the tunnel stays").isPresent();
                lnsChannel.close();
                // ...closing the unit fd removes the netdev...
                String name = unit.interfaceName();
                unit.close();
                unit.close(); // idempotent
                assertThatThrownBy(() -> rt.linkIndex(name))
                        .isInstanceOfSatisfying(
                                NativeException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("ENODEV"));
                assertThatThrownBy(() -> unit.read(Unpooled.directBuffer(2048)))
                        .isInstanceOf(IllegalStateException.class);
                lacSocket.close();
                awaitEof(lacChannel);
                lacChannel.close();
                // ...and closing the UDP socket deletes the tunnel.
                Sys.closeQuietly(lnsUdp);
                lnsUdp = -1;
                awaitTrue(
                        "tunnel 100 gone from the dump",
                        () -> genl.tunnels().stream().noneMatch(t -> t.tunnelId() == 100));
                Sys.closeQuietly(lacUdp);
                lacUdp = -1;
                awaitTrue(
                        "tunnel 200 gone from the dump",
                        () -> genl.tunnels().stream().noneMatch(t -> t.tunnelId() == 200));
                assertThat(genl.sessions()).noneMatch(s -> s.tunnelId() == 100 || s.tunnelId() == 200);
            } finally {
                for (AutoCloseable closeable : opened.reversed()) {
                    closeable.close();
                }
                Sys.closeQuietly(lnsUdp);
                Sys.closeQuietly(lacUdp);
            }
            return null;
        });
        assertThat(openFds()).isEqualTo(fdsBefore);
    }

    @Test
    void netlinkChangesAreAnnouncedOnTheL2tpGroup() throws Exception {
        int fdsBefore = openFds();
        inNamespace(() -> {
            int udp = udp(1901, 1902);
            try (L2tpEvents events = L2tpEvents.open();
                    L2tpGenl genl = L2tpGenl.open()) {
                assertThat(events.poll(Duration.ofMillis(50))).isEmpty();

                genl.createTunnel(300, 400, udp);
                genl.createSession(300, 3, 4, false);
                genl.setSequencing(300, 3, true);
                genl.deleteSession(300, 3);
                genl.deleteTunnel(300);

                List<L2tpEvents.Event> seen = new ArrayList<>();
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (seen.size() < 5 && System.nanoTime() - deadline < 0) {
                    seen.addAll(events.poll(Duration.ofMillis(200)));
                }
                assertThat(seen)
                        .containsExactly(
                                new L2tpEvents.Event(L2tpEvents.Event.TUNNEL_CREATE, 300, 0),
                                new L2tpEvents.Event(L2tpEvents.Event.SESSION_CREATE, 300, 3),
                                new L2tpEvents.Event(L2tpEvents.Event.SESSION_MODIFY, 300, 3),
                                new L2tpEvents.Event(L2tpEvents.Event.SESSION_DELETE, 300, 3),
                                new L2tpEvents.Event(L2tpEvents.Event.TUNNEL_DELETE, 300, 0));
                assertThat(seen).extracting(L2tpEvents.Event::name).startsWith("TUNNEL_CREATE", "SESSION_CREATE");
                assertThat(events.overruns()).isZero();
                awaitTrue(
                        "tunnel 300 deleted (asynchronously)",
                        () -> genl.tunnel(300).isEmpty());
                // After TUNNEL_DELETE the socket cannot carry a tunnel again (FACTS §9).
                assertThatThrownBy(() -> genl.createTunnel(301, 400, udp))
                        .isInstanceOfSatisfying(
                                NativeException.class,
                                e -> assertThat(e.errnoName()).isEqualTo("EBUSY"));
            } finally {
                Sys.closeQuietly(udp);
            }
            return null;
        });
        assertThat(openFds()).isEqualTo(fdsBefore);
    }

    @Test
    void ipv6SockaddrConnectsToASessionOfAnIpv6Tunnel() throws Exception {
        int fdsBefore = openFds();
        inNamespace(() -> {
            int udp = udp6(2001, 2002);
            try (L2tpGenl genl = L2tpGenl.open()) {
                genl.createTunnel(500, 600, udp);
                genl.createSession(500, 5, 6, false);
                try (PppoL2tpSocket socket = PppoL2tpSocket.connect(500, 5, 600, 6, true);
                        PppChannel channel = PppChannel.attach(socket.channelIndex())) {
                    assertThat(socket.stats()).isEqualTo(L2tpStats.ZERO);
                    assertThat(readNow(channel)).isZero();
                }
                awaitTrue("session 500/5 gone", () -> genl.session(500, 5).isEmpty());
            } finally {
                Sys.closeQuietly(udp);
            }
            return null;
        });
        assertThat(openFds()).isEqualTo(fdsBefore);
    }

    // --- helpers ---

    private static <T> T inNamespace(Callable<T> task) throws Exception {
        return namespace.call(task);
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> opened, T closeable) {
        opened.add(closeable);
        return closeable;
    }

    /** A non-blocking UDP socket on 127.0.0.1:{@code localPort} connected to 127.0.0.1:{@code remotePort}. */
    static int udp(int localPort, int remotePort) throws NativeException {
        int fd = Sys.socket(2, LibC.SOCK_DGRAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0, "AF_INET UDP");
        try {
            bind(fd, sockaddrIn(localPort));
            Sys.connect(fd, sockaddrIn(remotePort), "UDP to " + remotePort);
            return fd;
        } catch (NativeException | RuntimeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    /** The same over IPv6 loopback. */
    private static int udp6(int localPort, int remotePort) throws NativeException {
        int fd = Sys.socket(10, LibC.SOCK_DGRAM | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, 0, "AF_INET6 UDP");
        try {
            bind(fd, sockaddrIn6(localPort));
            Sys.connect(fd, sockaddrIn6(remotePort), "UDP6 to " + remotePort);
            return fd;
        } catch (NativeException | RuntimeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    private static void bind(int fd, byte[] address) throws NativeException {
        try (Memory memory = new Memory(address.length)) {
            memory.write(0, address, 0, address.length);
            Sys.check(Sys.libc().bind(fd, memory, address.length), "bind(UDP)");
        }
    }

    private static byte[] sockaddrIn(int port) {
        ByteBuffer out = ByteBuffer.allocate(16);
        out.order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short) 2);
        out.order(java.nio.ByteOrder.BIG_ENDIAN).putShort((short) port).put(LOOPBACK.getAddress());
        return out.array();
    }

    private static byte[] sockaddrIn6(int port) {
        ByteBuffer out = ByteBuffer.allocate(28);
        out.order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort((short) 10);
        out.order(java.nio.ByteOrder.BIG_ENDIAN).putShort((short) port).putInt(0);
        byte[] loopback = new byte[16];
        loopback[15] = 1;
        out.put(loopback).putInt(0);
        return out.array();
    }

    private static boolean write(PppFd fd, byte[] frame) throws NativeException {
        // A heap buffer on purpose: PppFd copies it through a direct one.
        return fd.write(Unpooled.wrappedBuffer(frame));
    }

    /** Waits for one frame on a non-blocking fd. */
    private static byte[] readFrame(PppFd fd) throws Exception {
        ByteBuf buffer = Unpooled.directBuffer(64 * 1024);
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() - deadline < 0) {
                int n = fd.read(buffer);
                if (n > 0) {
                    return ByteBufUtil.getBytes(buffer);
                }
                assertThat(n).as("EOF on %s while waiting for a frame", fd).isZero();
                Thread.sleep(10);
            }
            throw new AssertionError("no frame on " + fd + " within " + WAIT);
        } finally {
            buffer.release();
        }
    }

    /** One read now: 0 when nothing is pending. */
    private static int readNow(PppFd fd) throws NativeException {
        ByteBuf buffer = Unpooled.directBuffer(64 * 1024);
        try {
            return fd.read(buffer);
        } finally {
            buffer.release();
        }
    }

    private static void awaitEof(PppFd fd) throws Exception {
        awaitTrue("EOF on " + fd, () -> readNow(fd) == -1);
    }

    private static byte[] receive(DatagramChannel socket) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (socket.receive(buffer) != null) {
                buffer.flip();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no datagram within " + WAIT);
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static int openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Inet4Address v4(String address) {
        try {
            return (Inet4Address) InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
