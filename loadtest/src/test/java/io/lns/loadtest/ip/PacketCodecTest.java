package io.lns.loadtest.ip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** IPv4, ICMP Echo and UDP against known bytes: RFC 1071's example, a textbook header, a real ping. */
class PacketCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void checksumOfTheRfc1071Example() {
        // RFC 1071 §3: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2; the checksum is its complement
        assertThat(Checksum.of(HEX.parseHex("0001f203f4f5f6f7"), 0, 8)).isEqualTo(0x220d);
        // an odd length is padded with a zero octet
        assertThat(Checksum.of(HEX.parseHex("0001f203f4f5f6f7ab"), 0, 9))
                .isEqualTo(Checksum.of(HEX.parseHex("0001f203f4f5f6f7ab00"), 0, 10));
    }

    @Test
    void encodesAnIpv4HeaderAsTheWellKnownExample() {
        // 192.168.0.1 -> 192.168.0.199, UDP, TTL 64, DF, total length 0x73: checksum b861
        Ipv4Packet p =
                new Ipv4Packet(0, true, 64, Ipv4Packet.UDP, ip("192.168.0.1"), ip("192.168.0.199"), new byte[95]);
        byte[] wire = p.encode();
        assertThat(HEX.formatHex(Arrays.copyOf(wire, 20))).isEqualTo("45000073000040004011b861c0a80001c0a800c7");
        assertThat(Ipv4Packet.decode(wire)).isEqualTo(p);
    }

    @Test
    void decodingSkipsOptionsAndLinkPaddingAndRefusesBadHeaders() {
        Ipv4Packet p = new Ipv4Packet(7, false, 5, Ipv4Packet.ICMP, ip("10.0.0.1"), ip("10.0.0.2"), new byte[] {1, 2});
        byte[] plain = p.encode();
        // the same with one 4-octet option (IHL 6), checksum recomputed, and two octets of padding after
        byte[] withOption = new byte[plain.length + 4 + 2];
        System.arraycopy(plain, 0, withOption, 0, 20);
        withOption[0] = 0x46;
        withOption[3] = (byte) (plain.length + 4);
        withOption[10] = 0;
        withOption[11] = 0;
        withOption[20] = 1; // NOP options
        withOption[21] = 1;
        withOption[22] = 1;
        withOption[23] = 0; // End of Option List
        System.arraycopy(plain, 20, withOption, 24, 2);
        int sum = Checksum.of(withOption, 0, 24);
        withOption[10] = (byte) (sum >> 8);
        withOption[11] = (byte) sum;
        assertThat(Ipv4Packet.decode(withOption)).isEqualTo(p);

        byte[] corrupt = plain.clone();
        corrupt[15] ^= 1;
        assertThatThrownBy(() -> Ipv4Packet.decode(corrupt))
                .isInstanceOf(IpDecodeException.class)
                .hasMessageContaining("header checksum");
        assertThatThrownBy(() -> Ipv4Packet.decode(Arrays.copyOf(plain, 19))).isInstanceOf(IpDecodeException.class);
        byte[] fragment = plain.clone();
        fragment[6] = 0x20; // MF
        int fs = Checksum.of(withZeroChecksum(fragment), 0, 20);
        fragment[10] = (byte) (fs >> 8);
        fragment[11] = (byte) fs;
        assertThatThrownBy(() -> Ipv4Packet.decode(fragment)).hasMessageContaining("fragment");
        byte[] v6 = plain.clone();
        v6[0] = 0x65;
        assertThatThrownBy(() -> Ipv4Packet.decode(v6)).hasMessageContaining("version");
    }

    @Test
    void encodesAnEchoRequestAsARealPing() {
        // Windows ping: identifier 1, sequence 1, 32 octets of the alphabet; checksum 4d5a
        byte[] data = "abcdefghijklmnopqrstuvwabcdefghi".getBytes(StandardCharsets.US_ASCII);
        IcmpEcho e = new IcmpEcho(false, 1, 1, data);
        byte[] wire = e.encode();
        assertThat(HEX.formatHex(Arrays.copyOf(wire, 8))).isEqualTo("08004d5a00010001");
        assertThat(IcmpEcho.decode(wire)).contains(e);

        byte[] reply = e.toReply().encode();
        assertThat(reply[0]).isZero();
        // type 8 -> 0 raises the complemented sum by 0x0800
        assertThat(HEX.formatHex(Arrays.copyOf(reply, 8))).isEqualTo("0000555a00010001");
        assertThat(IcmpEcho.decode(reply)).contains(e.toReply());
    }

    @Test
    void icmpOfOtherTypesIsNotAnEchoAndABadChecksumIsAnError() {
        byte[] unreachable = HEX.parseHex("0303fcfc00000000");
        assertThat(Checksum.of(unreachable, 0, 8)).isZero();
        assertThat(IcmpEcho.decode(unreachable)).isEmpty();
        byte[] bad = new IcmpEcho(false, 1, 2, new byte[4]).encode();
        bad[9] = 1;
        assertThatThrownBy(() -> IcmpEcho.decode(bad)).hasMessageContaining("ICMP checksum");
        assertThatThrownBy(() -> IcmpEcho.decode(new byte[7])).isInstanceOf(IpDecodeException.class);
    }

    @Test
    void encodesUdpWithThePseudoHeaderChecksum() {
        // 10.0.0.1:1024 -> 10.0.0.2:7 "hello": checksum a3f8 over pseudo-header and datagram
        UdpDatagram d = new UdpDatagram(1024, 7, "hello".getBytes(StandardCharsets.US_ASCII));
        byte[] wire = d.encode(ip("10.0.0.1"), ip("10.0.0.2"));
        assertThat(HEX.formatHex(wire)).isEqualTo("04000007000da3f868656c6c6f");
        assertThat(UdpDatagram.decode(ip("10.0.0.1"), ip("10.0.0.2"), wire)).isEqualTo(d);
        // the same octets claimed from another source fail the pseudo-header checksum
        assertThatThrownBy(() -> UdpDatagram.decode(ip("10.0.0.3"), ip("10.0.0.2"), wire))
                .hasMessageContaining("UDP checksum");
        // a zero checksum means none was computed
        byte[] none = wire.clone();
        none[6] = 0;
        none[7] = 0;
        assertThat(UdpDatagram.decode(ip("10.0.0.3"), ip("10.0.0.2"), none)).isEqualTo(d);
        byte[] shortLength = wire.clone();
        shortLength[5] = 7;
        assertThatThrownBy(() -> UdpDatagram.decode(ip("10.0.0.1"), ip("10.0.0.2"), shortLength))
                .hasMessageContaining("UDP length");
    }

    @Test
    void aComputedZeroUdpChecksumIsSentAsAllOnes() {
        // find a payload whose checksum computes to 0 by adjusting its last word
        UdpDatagram probe = new UdpDatagram(1, 2, new byte[2]);
        byte[] wire = probe.encode(0, 0);
        int sum = ((wire[6] & 0xFF) << 8) | (wire[7] & 0xFF);
        // adding the complement of the checksum to the data brings the computed checksum to zero
        byte[] payload = {(byte) (sum >> 8), (byte) sum};
        byte[] zero = new UdpDatagram(1, 2, payload).encode(0, 0);
        assertThat(HEX.formatHex(zero, 6, 8)).isEqualTo("ffff");
        assertThat(UdpDatagram.decode(0, 0, zero).payload()).isEqualTo(payload);
    }

    private static byte[] withZeroChecksum(byte[] header) {
        byte[] h = header.clone();
        h[10] = 0;
        h[11] = 0;
        return h;
    }

    static int ip(String dotted) {
        String[] p = dotted.split("\\.");
        return (Integer.parseInt(p[0]) << 24)
                | (Integer.parseInt(p[1]) << 16)
                | (Integer.parseInt(p[2]) << 8)
                | Integer.parseInt(p[3]);
    }
}
