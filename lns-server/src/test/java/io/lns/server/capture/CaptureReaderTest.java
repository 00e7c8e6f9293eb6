package io.lns.server.capture;

import static io.lns.server.capture.Packets.ETHERTYPE_ARP;
import static io.lns.server.capture.Packets.ETHERTYPE_IPV4;
import static io.lns.server.capture.Packets.ETHERTYPE_IPV6;
import static io.lns.server.capture.Packets.PROTO_TCP;
import static io.lns.server.capture.Packets.PROTO_UDP;
import static io.lns.server.capture.Packets.concat;
import static io.lns.server.capture.Packets.ethernet;
import static io.lns.server.capture.Packets.extensionHeader;
import static io.lns.server.capture.Packets.fragmentHeader;
import static io.lns.server.capture.Packets.ipv4;
import static io.lns.server.capture.Packets.ipv6;
import static io.lns.server.capture.Packets.payload;
import static io.lns.server.capture.Packets.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.server.capture.CaptureFiles.Pcap;
import io.lns.server.capture.CaptureFiles.Pcapng;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;
    private static final IntPredicate L2TP = CaptureReader.port(1701);

    private static final byte[] L2TP_PAYLOAD = payload(48, 0xc8);
    private static final byte[] UDP_V4 = ipv4("192.0.2.1", "198.51.100.7", PROTO_UDP, udp(1701, 40000, L2TP_PAYLOAD));
    private static final byte[] UDP_V6 = ipv6("2001:db8::1", "2001:db8::2", PROTO_UDP, udp(40000, 1701, L2TP_PAYLOAD));

    @TempDir
    Path dir;

    // ---- classic pcap ----

    @Test
    void pcapLittleEndianMicroseconds() throws Exception {
        byte[] file = new Pcap(LE, false, 1)
                .packet(1_700_000_000L, 123_456, ethernet(ETHERTYPE_IPV4, UDP_V4))
                .bytes();

        CapturedDatagram d = single(file, L2TP);

        assertThat(d.frameNumber()).isEqualTo(1);
        assertThat(d.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 123_456_000));
        assertThat(d.source()).isEqualTo(socket("192.0.2.1", 1701));
        assertThat(d.destination()).isEqualTo(socket("198.51.100.7", 40000));
        assertThat(d.payload()).isEqualTo(L2TP_PAYLOAD);
    }

    @Test
    void pcapBigEndianMicroseconds() throws Exception {
        byte[] file = new Pcap(BE, false, 1)
                .packet(1_700_000_001L, 999_999, ethernet(ETHERTYPE_IPV4, UDP_V4))
                .bytes();
        assertThat(Arrays.copyOf(file, 4)).containsExactly(0xa1, 0xb2, 0xc3, 0xd4);

        CapturedDatagram d = single(file, L2TP);

        assertThat(d.timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_001L, 999_999_000));
        assertThat(d.payload()).isEqualTo(L2TP_PAYLOAD);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void pcapNanoseconds(boolean bigEndian) throws Exception {
        byte[] file = new Pcap(bigEndian ? BE : LE, true, 1)
                .packet(1_700_000_002L, 123_456_789, ethernet(ETHERTYPE_IPV4, UDP_V4))
                .bytes();

        assertThat(single(file, L2TP).timestamp()).isEqualTo(Instant.ofEpochSecond(1_700_000_002L, 123_456_789));
    }

    @Test
    void pcapFormatIsReported() throws Exception {
        try (CaptureReader reader = CaptureReader.open(write(new Pcap(LE, false, 1).bytes()))) {
            assertThat(reader.format()).isEqualTo(CaptureReader.Format.PCAP);
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
            assertThat(reader.frameCount()).isZero();
        }
    }

    @Test
    void pcapLinkTypeFieldIgnoresFcsBits() throws Exception {
        int linkTypeWithFcsInfo = 0x1000_0000 | (4 << 29) | 1; // F bit, FCS length 4, Ethernet
        byte[] frame = concat(ethernet(ETHERTYPE_IPV4, UDP_V4), new byte[] {1, 2, 3, 4}); // FCS trailer
        byte[] file =
                new Pcap(LE, false, linkTypeWithFcsInfo).packet(1, 0, frame).bytes();

        assertThat(single(file, L2TP).payload()).isEqualTo(L2TP_PAYLOAD);
    }

    // ---- link types ----

    @Test
    void linuxCookedSll() throws Exception {
        byte[] file = new Pcap(LE, false, 113)
                .packet(1, 0, Packets.sll(ETHERTYPE_IPV4, UDP_V4))
                .packet(2, 0, Packets.sll(ETHERTYPE_IPV6, UDP_V6))
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).hasSize(2);
        assertThat(((CapturedDatagram) records.get(0)).source()).isEqualTo(socket("192.0.2.1", 1701));
        assertThat(((CapturedDatagram) records.get(1)).source()).isEqualTo(socket("2001:db8::1", 40000));
        assertThat(((CapturedDatagram) records.get(1)).payload()).isEqualTo(L2TP_PAYLOAD);
    }

    @Test
    void linuxCookedSll2() throws Exception {
        byte[] file = new Pcap(LE, false, 276)
                .packet(1, 0, Packets.sll2(ETHERTYPE_IPV4, UDP_V4))
                .bytes();

        CapturedDatagram d = single(file, L2TP);

        assertThat(d.source()).isEqualTo(socket("192.0.2.1", 1701));
        assertThat(d.payload()).isEqualTo(L2TP_PAYLOAD);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 12, 14})
    void rawIpEitherVersion(int linkType) throws Exception {
        byte[] file = new Pcap(BE, false, linkType)
                .packet(1, 0, UDP_V4)
                .packet(2, 0, UDP_V6)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactly(1L, 2L);
        assertThat(((CapturedDatagram) records.get(0)).destination()).isEqualTo(socket("198.51.100.7", 40000));
        assertThat(((CapturedDatagram) records.get(1)).destination()).isEqualTo(socket("2001:db8::2", 1701));
    }

    @Test
    void linkTypesIpv4AndIpv6() throws Exception {
        assertThat(single(new Pcap(LE, false, 228).packet(1, 0, UDP_V4).bytes(), L2TP)
                        .payload())
                .isEqualTo(L2TP_PAYLOAD);
        assertThat(single(new Pcap(LE, false, 229).packet(1, 0, UDP_V6).bytes(), L2TP)
                        .payload())
                .isEqualTo(L2TP_PAYLOAD);
    }

    @Test
    void bsdLoopbackInEitherHostByteOrder() throws Exception {
        byte[] file = new Pcap(LE, false, 0)
                .packet(1, 0, Packets.loopback(2, LE, UDP_V4))
                .packet(2, 0, Packets.loopback(2, BE, UDP_V4))
                .packet(3, 0, Packets.loopback(24, LE, UDP_V6))
                .packet(4, 0, Packets.loopback(28, BE, UDP_V6))
                .packet(5, 0, Packets.loopback(30, LE, UDP_V6))
                .packet(6, 0, Packets.loopback(7, LE, UDP_V4)) // unknown family: skipped
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records)
                .allSatisfy(r -> assertThat(((CapturedDatagram) r).payload()).isEqualTo(L2TP_PAYLOAD));
    }

    @Test
    void openBsdLoopIsNetworkOrder() throws Exception {
        byte[] file = new Pcap(LE, false, 108)
                .packet(1, 0, Packets.loopback(2, BE, UDP_V4))
                .packet(2, 0, Packets.loopback(24, BE, UDP_V6))
                .bytes();

        assertThat(readAll(file, L2TP)).hasSize(2).allMatch(r -> r instanceof CapturedDatagram);
    }

    @Test
    void vlanTaggedEthernet() throws Exception {
        byte[] file = new Pcap(LE, false, 1)
                .packet(1, 0, ethernet(ETHERTYPE_IPV4, UDP_V4, 0x8100))
                .packet(2, 0, ethernet(ETHERTYPE_IPV6, UDP_V6, 0x88a8, 0x8100))
                .packet(3, 0, ethernet(ETHERTYPE_ARP, new byte[28], 0x8100))
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactly(1L, 2L);
        assertThat(((CapturedDatagram) records.get(0)).payload()).isEqualTo(L2TP_PAYLOAD);
        assertThat(((CapturedDatagram) records.get(1)).payload()).isEqualTo(L2TP_PAYLOAD);
    }

    @Test
    void unsupportedLinkTypeIsReportedOnce() throws Exception {
        byte[] file = new Pcap(LE, false, 105)
                .packet(1, 0, UDP_V4)
                .packet(2, 0, UDP_V4)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).hasSize(1);
        assertThat(error(records.get(0)).reason()).contains("link type 105 is not supported");
    }

    // ---- IP and UDP ----

    @Test
    void ipv4OptionsAreSkipped() throws Exception {
        byte[] routerAlert = {(byte) 0x94, 4, 0, 0};
        byte[] eightBytes = {(byte) 0x94, 4, 0, 0, 1, 1, 1, 0}; // router alert, NOP, NOP, NOP, EOL
        byte[] file = new Pcap(LE, false, 1)
                .packet(
                        1,
                        0,
                        ethernet(
                                ETHERTYPE_IPV4,
                                ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, 0, routerAlert, udp(1701, 1701, L2TP_PAYLOAD))))
                .packet(
                        2,
                        0,
                        ethernet(
                                ETHERTYPE_IPV4,
                                ipv4(
                                        "10.0.0.1",
                                        "10.0.0.2",
                                        PROTO_UDP,
                                        0x4000,
                                        eightBytes,
                                        udp(1701, 1701, L2TP_PAYLOAD))))
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).hasSize(2).allSatisfy(r -> {
            CapturedDatagram d = (CapturedDatagram) r;
            assertThat(d.source()).isEqualTo(socket("10.0.0.1", 1701));
            assertThat(d.payload()).isEqualTo(L2TP_PAYLOAD);
        });
    }

    @Test
    void ipv6ExtensionHeadersAreWalked() throws Exception {
        byte[] udp = udp(1701, 50000, L2TP_PAYLOAD);
        byte[] hopByHopThenDestination = concat(extensionHeader(60, 0), extensionHeader(PROTO_UDP, 1), udp);
        byte[] routing = concat(extensionHeader(PROTO_UDP, 2), udp);
        byte[] atomicFragment = concat(fragmentHeader(PROTO_UDP, 0, false), udp);
        byte[] file = new Pcap(LE, false, 229)
                .packet(1, 0, ipv6("2001:db8::a", "2001:db8::b", 0, hopByHopThenDestination))
                .packet(2, 0, ipv6("2001:db8::a", "2001:db8::b", 43, routing))
                .packet(3, 0, ipv6("2001:db8::a", "2001:db8::b", 44, atomicFragment))
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).hasSize(3).allSatisfy(r -> {
            CapturedDatagram d = (CapturedDatagram) r;
            assertThat(d.source()).isEqualTo(socket("2001:db8::a", 1701));
            assertThat(d.destination()).isEqualTo(socket("2001:db8::b", 50000));
            assertThat(d.payload()).isEqualTo(L2TP_PAYLOAD);
        });
    }

    @Test
    void ipv6FragmentsAreReportedNotReassembled() throws Exception {
        byte[] first = concat(fragmentHeader(PROTO_UDP, 0, true), udp(1701, 1701, L2TP_PAYLOAD));
        byte[] later = concat(fragmentHeader(PROTO_UDP, 7, false), payload(20, 1));
        byte[] file = new Pcap(LE, false, 229)
                .packet(1, 0, ipv6("2001:db8::a", "2001:db8::b", 44, first))
                .packet(2, 0, ipv6("2001:db8::a", "2001:db8::b", 44, later))
                .packet(3, 0, UDP_V6)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactly(1L, 3L);
        assertThat(error(records.get(0)).reason()).isEqualTo("IPv6 fragment, not reassembled");
    }

    @Test
    void ipv4FragmentsAreReportedNotReassembled() throws Exception {
        byte[] first = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, 0x2000, new byte[0], udp(1701, 1701, L2TP_PAYLOAD));
        byte[] later = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, 0x0010, new byte[0], payload(30, 3));
        byte[] otherPort = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, 0x2000, new byte[0], udp(53, 53, payload(10, 1)));
        byte[] file = new Pcap(LE, false, 1)
                .packet(5, 0, ethernet(ETHERTYPE_IPV4, first))
                .packet(6, 0, ethernet(ETHERTYPE_IPV4, later))
                .packet(7, 0, ethernet(ETHERTYPE_IPV4, otherPort))
                .packet(8, 0, ethernet(ETHERTYPE_IPV4, UDP_V4))
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactly(1L, 4L);
        CaptureFrameError e = error(records.get(0));
        assertThat(e.reason()).isEqualTo("IPv4 fragment, not reassembled");
        assertThat(e.timestamp()).isEqualTo(Instant.ofEpochSecond(5));
    }

    @Test
    void nonUdpFramesAreSkippedButCounted() throws Exception {
        byte[] file = new Pcap(LE, false, 1)
                .packet(1, 0, ethernet(ETHERTYPE_ARP, new byte[28]))
                .packet(2, 0, ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", PROTO_TCP, payload(40, 0))))
                .packet(3, 0, ethernet(ETHERTYPE_IPV4, ipv4("10.0.0.1", "10.0.0.2", 1, payload(16, 0))))
                .packet(4, 0, ethernet(ETHERTYPE_IPV6, ipv6("::1", "::2", 58, payload(16, 0))))
                .packet(5, 0, ethernet(0x0026, payload(38, 0))) // 802.3 length field, LLC
                .packet(6, 0, new byte[5]) // runt
                .packet(7, 0, ethernet(ETHERTYPE_IPV4, UDP_V4))
                .bytes();

        try (CaptureReader reader = CaptureReader.open(write(file), L2TP)) {
            CaptureRecord r = reader.next();
            assertThat(r.frameNumber()).isEqualTo(7);
            assertThat(reader.next()).isNull();
            assertThat(reader.frameCount()).isEqualTo(7);
        }
    }

    @Test
    void portFilterMatchesEitherPort() throws Exception {
        byte[] file = new Pcap(LE, false, 228)
                .packet(1, 0, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(53, 33000, payload(10, 0))))
                .packet(2, 0, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(33000, 1701, payload(10, 0))))
                .packet(3, 0, ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(1701, 33000, payload(10, 0))))
                .bytes();

        assertThat(readAll(file, L2TP)).extracting(CaptureRecord::frameNumber).containsExactly(2L, 3L);
        assertThat(readAll(file, null)).extracting(CaptureRecord::frameNumber).containsExactly(1L, 2L, 3L);
        assertThat(readAll(file, p -> p == 53))
                .extracting(CaptureRecord::frameNumber)
                .containsExactly(1L);
    }

    @Test
    void ethernetPaddingIsNotPayload() throws Exception {
        byte[] small = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(1701, 1701, new byte[] {1, 2}));
        byte[] frame = concat(ethernet(ETHERTYPE_IPV4, small), new byte[60 - 14 - small.length]);

        CapturedDatagram d = single(new Pcap(LE, false, 1).packet(1, 0, frame).bytes(), L2TP);

        assertThat(d.payload()).containsExactly(1, 2);
    }

    @Test
    void zeroLengthUdpPayload() throws Exception {
        byte[] zlb = ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, udp(1701, 1701, new byte[0]));

        assertThat(single(new Pcap(LE, false, 228).packet(1, 0, zlb).bytes(), L2TP)
                        .payload())
                .isEmpty();
    }

    @Test
    void truncatedBySnaplen() throws Exception {
        byte[] frame = ethernet(ETHERTYPE_IPV4, UDP_V4);
        byte[] file = new Pcap(LE, false, 1, 64)
                .packet(1, 0, Arrays.copyOf(frame, 64), frame.length)
                .packet(2, 0, Arrays.copyOf(frame, 38), frame.length) // cut inside the UDP header
                .packet(3, 0, frame)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).hasSize(3);
        assertThat(error(records.get(0)).reason())
                .isEqualTo("truncated by snaplen: captured 64 of " + frame.length + " bytes");
        assertThat(error(records.get(1)).reason())
                .isEqualTo("truncated by snaplen: captured 38 of " + frame.length + " bytes");
        assertThat(records.get(2)).isInstanceOf(CapturedDatagram.class);
    }

    @Test
    void snaplenCutAfterTheDatagramIsHarmless() throws Exception {
        byte[] frame = concat(ethernet(ETHERTYPE_IPV4, UDP_V4), new byte[] {1, 2, 3, 4});
        byte[] file = new Pcap(LE, false, 1)
                .packet(1, 0, Arrays.copyOf(frame, frame.length - 4), frame.length)
                .bytes();

        assertThat(single(file, L2TP).payload()).isEqualTo(L2TP_PAYLOAD);
    }

    @Test
    void malformedUdpLengths() throws Exception {
        byte[] file = new Pcap(LE, false, 228)
                .packet(
                        1,
                        0,
                        ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, Packets.udpWithLength(1701, 1701, 4, payload(8, 0))))
                .packet(
                        2,
                        0,
                        ipv4("10.0.0.1", "10.0.0.2", PROTO_UDP, Packets.udpWithLength(1701, 1701, 200, payload(8, 0))))
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(error(records.get(0)).reason()).isEqualTo("malformed UDP header: length 4");
        assertThat(error(records.get(1)).reason()).contains("length 200 exceeds the IP payload (16 bytes)");
    }

    @Test
    void ipTotalLengthBeyondUntruncatedFrame() throws Exception {
        byte[] packet = Arrays.copyOf(UDP_V4, UDP_V4.length - 10); // lengths say 10 more bytes

        List<CaptureRecord> records =
                readAll(new Pcap(LE, false, 228).packet(1, 0, packet).bytes(), L2TP);

        assertThat(error(records.get(0)).reason()).startsWith("malformed frame: UDP datagram runs past the end");
    }

    @Test
    void badIpv4HeaderLength() throws Exception {
        byte[] packet = UDP_V4.clone();
        packet[0] = 0x43; // IHL 3

        List<CaptureRecord> records =
                readAll(new Pcap(LE, false, 228).packet(1, 0, packet).bytes(), L2TP);

        assertThat(error(records.get(0)).reason()).isEqualTo("malformed IPv4 header: header length 12 bytes");
    }

    // ---- pcapng ----

    @Test
    void pcapngInterfacesSectionsAndResolutions() throws Exception {
        byte[] eth = ethernet(ETHERTYPE_IPV4, UDP_V4);
        byte[] file = new Pcapng()
                .section(LE)
                .interfaceBlock(1) // default resolution: microseconds
                .interfaceBlock(113, 0, 9, null) // nanoseconds
                .interfaceBlock(101, 0, 0x83, 100L) // 1/8 s units, +100 s offset
                .packet(0, 1_700_000_000_000_001L, eth)
                .block(Pcapng.NRB, new byte[12]) // name resolution: skipped
                .packet(1, 1_700_000_000_123_456_789L, Packets.sll(ETHERTYPE_IPV4, UDP_V4))
                .block(0x40000BAD, payload(37, 9)) // custom block: skipped
                .packet(2, 12, UDP_V4) // 1.5 s + 100 s
                .section(BE) // new section: new byte order, interfaces numbered afresh
                .interfaceBlock(229, 0, 3, null) // milliseconds
                .packet(0, 1_700_000_000_250L, UDP_V6)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records)
                .extracting(CaptureRecord::timestamp)
                .containsExactly(
                        Instant.ofEpochSecond(1_700_000_000L, 1_000),
                        Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
                        Instant.ofEpochSecond(101, 500_000_000),
                        Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
        assertThat(records)
                .allSatisfy(r -> assertThat(((CapturedDatagram) r).payload()).isEqualTo(L2TP_PAYLOAD));
        assertThat(((CapturedDatagram) records.get(3)).source()).isEqualTo(socket("2001:db8::1", 40000));
    }

    @Test
    void pcapngSimplePacketBlock() throws Exception {
        byte[] frame = ethernet(ETHERTYPE_IPV4, UDP_V4);
        byte[] file = new Pcapng()
                .section(BE)
                .interfaceBlock(1, 0, null, null)
                .simplePacket(frame, frame.length)
                .section(LE)
                .interfaceBlock(1, 40, null, null) // snaplen 40: data beyond it is not captured
                .simplePacket(frame, frame.length)
                .bytes();

        List<CaptureRecord> records = readAll(file, null);

        assertThat(records).hasSize(2);
        CapturedDatagram d = (CapturedDatagram) records.get(0);
        assertThat(d.timestamp()).isNull();
        assertThat(d.payload()).isEqualTo(L2TP_PAYLOAD);
        assertThat(error(records.get(1)).reason())
                .isEqualTo("truncated by snaplen: captured 40 of " + frame.length + " bytes");
    }

    @Test
    void pcapngPacketOnUnknownInterfaceIsAnErrorAndReadingGoesOn() throws Exception {
        byte[] file = new Pcapng()
                .section(LE)
                .interfaceBlock(228)
                .packet(3, 0, UDP_V4)
                .packet(0, 0, UDP_V4)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactly(1L, 2L);
        assertThat(error(records.get(0)).reason()).contains("refers to interface 3, but the section describes 1");
        assertThat(records.get(1)).isInstanceOf(CapturedDatagram.class);
    }

    @Test
    void pcapngCapturedLengthBeyondBlock() throws Exception {
        byte[] body = java.nio.ByteBuffer.allocate(28)
                .order(LE)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(5000) // captured length, but only 8 bytes of data follow
                .putInt(5000)
                .array();
        byte[] file = new Pcapng()
                .section(LE)
                .interfaceBlock(228)
                .block(Pcapng.EPB, body)
                .packet(0, 0, UDP_V4)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).hasSize(2);
        assertThat(error(records.get(0)).reason()).contains("captured length 5000 runs past the end of the block");
        assertThat(records.get(1).frameNumber()).isEqualTo(2);
    }

    @Test
    void pcapngFormatIsReported() throws Exception {
        try (CaptureReader reader =
                CaptureReader.open(write(new Pcapng().section(BE).bytes()))) {
            assertThat(reader.format()).isEqualTo(CaptureReader.Format.PCAPNG);
            assertThat(reader.next()).isNull();
        }
    }

    // ---- damaged files ----

    @Test
    void garbageFileIsRejected() throws Exception {
        Path file =
                write("GET / HTTP/1.1\r\nHost: example\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> CaptureReader.open(file)).isInstanceOfSatisfying(CaptureFormatException.class, e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.offset()).isZero();
            assertThat(e.reason()).isEqualTo("not a pcap or pcapng file (starts with 0x47455420)");
            assertThat(e.getMessage()).startsWith(file + ": at byte offset 0: not a pcap");
        });
    }

    @Test
    void emptyAndTinyFilesAreRejected() throws Exception {
        assertThatThrownBy(() -> CaptureReader.open(write(new byte[0])))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("only 0 bytes long");
        assertThatThrownBy(() -> CaptureReader.open(write(new byte[] {(byte) 0xd4, (byte) 0xc3})))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("only 2 bytes long");
    }

    @Test
    void truncatedPcapHeaderIsRejected() throws Exception {
        byte[] header = new Pcap(LE, false, 1).bytes();

        assertThatThrownBy(() -> CaptureReader.open(write(Arrays.copyOf(header, 10))))
                .isInstanceOfSatisfying(CaptureFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(10);
                    assertThat(e.reason()).isEqualTo("pcap file header cut short: 10 of 24 bytes");
                });
    }

    @Test
    void unsupportedPcapVersionIsRejected() throws Exception {
        byte[] header = new Pcap(LE, false, 1).bytes();
        header[4] = 9;

        assertThatThrownBy(() -> CaptureReader.open(write(header)))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("unsupported pcap version 9.4");
    }

    @Test
    void damagedSectionHeaderIsRejected() throws Exception {
        byte[] good = new Pcapng().section(LE).bytes();

        byte[] badMagic = good.clone();
        badMagic[8] = 0x55;
        assertThatThrownBy(() -> CaptureReader.open(write(badMagic)))
                .isInstanceOfSatisfying(CaptureFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(8);
                    assertThat(e.reason()).contains("bad byte-order magic");
                });
        assertThatThrownBy(() -> CaptureReader.open(write(Arrays.copyOf(good, 20))))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("truncated file: section header block declares 28 bytes, only 20 present");
        assertThatThrownBy(() -> CaptureReader.open(write(Arrays.copyOf(good, 6))))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("cut short");

        byte[] badVersion = good.clone();
        badVersion[12] = 2;
        assertThatThrownBy(() -> CaptureReader.open(write(badVersion)))
                .isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("unsupported pcapng version 2.0");
    }

    @Test
    void truncatedPcapRecordIsTheLastRecord() throws Exception {
        byte[] frame = ethernet(ETHERTYPE_IPV4, UDP_V4);
        byte[] whole =
                new Pcap(LE, false, 1).packet(1, 0, frame).packet(2, 0, frame).bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 10);

        try (CaptureReader reader = CaptureReader.open(write(cut), L2TP)) {
            assertThat(reader.next()).isInstanceOf(CapturedDatagram.class);
            CaptureFrameError e = error(reader.next());
            assertThat(e.frameNumber()).isEqualTo(2);
            assertThat(e.timestamp()).isEqualTo(Instant.ofEpochSecond(2));
            assertThat(e.reason())
                    .isEqualTo("truncated file: record at byte offset " + (24 + 16 + frame.length) + " declares "
                            + frame.length + " bytes of packet data, only " + (frame.length - 10) + " present");
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void truncatedPcapRecordHeader() throws Exception {
        byte[] whole =
                new Pcap(LE, false, 228).packet(1, 0, UDP_V4).raw(new byte[7]).bytes();

        List<CaptureRecord> records = readAll(whole, L2TP);

        assertThat(records).hasSize(2);
        assertThat(error(records.get(1)).reason())
                .contains("record header at byte offset")
                .contains("only 7 of 16");
        assertThat(records.get(1).frameNumber()).isEqualTo(2);
    }

    @Test
    void absurdPcapRecordLength() throws Exception {
        byte[] file = new Pcap(LE, false, 228)
                .packet(1, 0, UDP_V4)
                .raw(java.nio.ByteBuffer.allocate(16)
                        .order(LE)
                        .putInt(2)
                        .putInt(0)
                        .putInt(-1)
                        .putInt(-1)
                        .array())
                .raw(UDP_V4)
                .bytes();

        List<CaptureRecord> records = readAll(file, L2TP);

        assertThat(records).hasSize(2);
        assertThat(error(records.get(1)).reason())
                .contains("claims 4294967295 captured bytes")
                .contains("limit");
    }

    @Test
    void pcapngBlockRunningPastEndOfFile() throws Exception {
        byte[] whole = new Pcapng()
                .section(LE)
                .interfaceBlock(228)
                .packet(0, 0, UDP_V4)
                .packet(0, 0, UDP_V4)
                .bytes();
        byte[] cut = Arrays.copyOf(whole, whole.length - 30);

        List<CaptureRecord> records = readAll(cut, L2TP);

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(CapturedDatagram.class);
        CaptureFrameError e = error(records.get(1));
        assertThat(e.frameNumber()).isEqualTo(2);
        assertThat(e.reason()).startsWith("truncated file: enhanced packet block at byte offset ");
    }

    @Test
    void pcapngUnknownBlockRunningPastEndOfFile() throws Exception {
        byte[] file = new Pcapng()
                .section(LE)
                .rawInt(0x0BAD)
                .rawInt(4096)
                .raw(new byte[100])
                .bytes();

        List<CaptureRecord> records = readAll(file, null);

        assertThat(records).hasSize(1);
        assertThat(error(records.get(0)).reason())
                .isEqualTo("truncated file: block of type 0x00000bad at byte offset 28 declares 4096 bytes, only 108"
                        + " present");
    }

    @Test
    void pcapngTruncatedBlockHeader() throws Exception {
        byte[] file = new Pcapng().section(LE).raw(new byte[] {6, 0, 0}).bytes();

        assertThat(error(readAll(file, null).get(0)).reason())
                .isEqualTo("truncated file: block header at byte offset 28 has only 3 of 8 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 8, 13, 30})
    void pcapngInvalidBlockLengthStopsWithoutLooping(int length) throws Exception {
        byte[] file = new Pcapng()
                .section(LE)
                .interfaceBlock(228)
                .rawInt(6)
                .rawInt(length)
                .raw(new byte[64])
                .bytes();

        List<CaptureRecord> records = readAll(file, null);

        assertThat(records).hasSize(1);
        assertThat(error(records.get(0)).reason()).contains("has an invalid length " + length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7ffffff0, 0xfffffffc, 16 * 1024 * 1024 + 4})
    void pcapngAbsurdBlockLengthIsRefused(int length) throws Exception {
        byte[] file = new Pcapng()
                .section(LE)
                .interfaceBlock(228)
                .rawInt(6)
                .rawInt(length)
                .raw(new byte[64])
                .bytes();

        List<CaptureRecord> records = readAll(file, null);

        assertThat(records).hasSize(1);
        assertThat(error(records.get(0)).reason())
                .isEqualTo("enhanced packet block at byte offset " + (28 + 32) + " claims "
                        + Integer.toUnsignedString(length)
                        + " bytes, more than the 16777216-byte limit; file is corrupt, stopping");
    }

    @Test
    void pcapngTrailingLengthMismatch() throws Exception {
        byte[] file = new Pcapng()
                .section(LE)
                .interfaceBlock(228)
                .packet(0, 0, UDP_V4)
                .packet(0, 0, UDP_V4)
                .bytes();
        int secondTrailer = 28 + 32 + (file.length - 28 - 32) / 2 - 4;
        file[secondTrailer] ^= 0x10;

        List<CaptureRecord> records = readAll(file, null);

        assertThat(records).hasSize(1);
        assertThat(error(records.get(0)).reason()).contains("trailing length").contains("does not match");
    }

    @Test
    void damagedLaterSectionHeaderStopsReading() throws Exception {
        byte[] file = new Pcapng()
                .section(LE)
                .interfaceBlock(228)
                .packet(0, 0, UDP_V4)
                .rawInt(0x0A0D0D0A)
                .rawInt(28)
                .rawInt(0x12345678)
                .raw(new byte[16])
                .bytes();

        List<CaptureRecord> records = readAll(file, null);

        assertThat(records).hasSize(2);
        assertThat(error(records.get(1)).reason()).contains("bad byte-order magic 0x78563412");
    }

    @Test
    void malformedInterfaceDescription() throws Exception {
        byte[] file = new Pcapng()
                .section(LE)
                .block(Pcapng.IDB, new byte[4])
                .interfaceBlock(228)
                .packet(0, 0, UDP_V4)
                .packet(1, 0, UDP_V4)
                .bytes();

        List<CaptureRecord> records = readAll(file, null);

        assertThat(records).hasSize(2);
        assertThat(error(records.get(0)).reason()).isEqualTo("interface 0 has a malformed description block");
        assertThat(records.get(1)).isInstanceOf(CapturedDatagram.class);
    }

    // ---- timestamps ----

    @Test
    void pcapngTimestampConversion() {
        assertThat(PcapngSource.timestamp(1_500_000, 6, 0)).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
        assertThat(PcapngSource.timestamp(1_500, 3, -10)).isEqualTo(Instant.ofEpochSecond(-9, 500_000_000));
        assertThat(PcapngSource.timestamp(15, 1, 0)).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
        assertThat(PcapngSource.timestamp(1_000_000_000_001L, 12, 0)).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(PcapngSource.timestamp(3, 0x81, 0)).isEqualTo(Instant.ofEpochSecond(1, 500_000_000));
        assertThat(PcapngSource.timestamp(-1L, 9, 0)).isEqualTo(Instant.ofEpochSecond(18446744073L, 709551615));
        assertThat(PcapngSource.timestamp(-1L, 0, 0)).isNull(); // 2^64 s: beyond Instant.MAX
        assertThat(PcapngSource.timestamp(0, 6, Long.MIN_VALUE)).isNull();
    }

    // ---- records ----

    @Test
    void datagramPayloadIsCopied() throws Exception {
        byte[] payload = {1, 2, 3};
        CapturedDatagram d = new CapturedDatagram(1, null, socket("10.0.0.1", 1), socket("10.0.0.2", 2), payload);
        payload[0] = 9;
        d.payload()[1] = 9;

        assertThat(d.payload()).containsExactly(1, 2, 3);
        assertThat(d)
                .isEqualTo(new CapturedDatagram(
                        1, null, socket("10.0.0.1", 1), socket("10.0.0.2", 2), new byte[] {1, 2, 3}));
    }

    // ---- helpers ----

    private Path write(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "capture", ".pcap");
        Files.write(file, content);
        return file;
    }

    private List<CaptureRecord> readAll(byte[] content, IntPredicate filter) throws Exception {
        List<CaptureRecord> records = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(write(content), filter)) {
            for (CaptureRecord r; (r = reader.next()) != null; ) {
                records.add(r);
            }
        }
        return records;
    }

    private CapturedDatagram single(byte[] content, IntPredicate filter) throws Exception {
        List<CaptureRecord> records = readAll(content, filter);
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).isInstanceOf(CapturedDatagram.class);
        return (CapturedDatagram) records.get(0);
    }

    private static CaptureFrameError error(CaptureRecord r) {
        assertThat(r).isInstanceOf(CaptureFrameError.class);
        return (CaptureFrameError) r;
    }

    private static InetSocketAddress socket(String literal, int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }
}
