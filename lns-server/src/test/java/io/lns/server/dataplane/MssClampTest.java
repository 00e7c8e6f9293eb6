package io.lns.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class MssClampTest {

    /** An IPv4 TCP packet (no payload) with the given flags and options; checksums valid. */
    static ByteBuf tcp(int flags, byte[] options) {
        int tcpLength = 20 + options.length;
        ByteBuf p = Unpooled.buffer(20 + tcpLength);
        p.writeByte(0x45).writeByte(0).writeShort(20 + tcpLength).writeShort(1).writeShort(0x4000);
        p.writeByte(64).writeByte(6).writeShort(0);
        p.writeInt(0x64400002).writeInt(0xC0000201);
        p.setShort(10, checksum(p, 0, 20, 0));
        p.writeShort(40000).writeShort(80).writeInt(1).writeInt(0);
        p.writeByte((tcpLength / 4) << 4)
                .writeByte(flags)
                .writeShort(65535)
                .writeShort(0)
                .writeShort(0);
        p.writeBytes(options);
        p.setShort(20 + 16, tcpChecksum(p));
        return p;
    }

    static int tcpChecksum(ByteBuf p) {
        int tcpLength = p.readableBytes() - 20;
        long pseudo = (p.getUnsignedShort(12)
                + p.getUnsignedShort(14)
                + p.getUnsignedShort(16)
                + p.getUnsignedShort(18)
                + 6
                + tcpLength);
        return checksum(p, 20, tcpLength, pseudo);
    }

    static int checksum(ByteBuf p, int from, int length, long initial) {
        long sum = initial;
        for (int i = 0; i + 1 < length; i += 2) sum += p.getUnsignedShort(from + i);
        if ((length & 1) == 1) sum += p.getUnsignedByte(from + length - 1) << 8;
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) (~sum & 0xFFFF);
    }

    private static final byte[] MSS_1460_AND_SACK = {1, 1, 4, 2, 2, 4, 0x05, (byte) 0xB4};

    @Test
    void lowersTheMssOfASynAndKeepsTheChecksumValid() {
        ByteBuf p = tcp(0x02, MSS_1460_AND_SACK);
        assertThat(IpPackets.isIpv4(p)).isTrue();
        assertThat(MssClamp.clampIpv4(p, 1400)).isTrue();
        assertThat(p.getUnsignedShort(20 + 20 + 6)).isEqualTo(1360);
        // a valid checksum sums (with itself) to zero
        int stored = p.getUnsignedShort(36);
        p.setShort(36, 0);
        assertThat(tcpChecksum(p)).isEqualTo(stored);
    }

    @Test
    void leavesSmallMssNonSynAndOtherProtocolsAlone() {
        assertThat(MssClamp.clampIpv4(tcp(0x02, MSS_1460_AND_SACK), 1500)).isFalse();
        assertThat(MssClamp.clampIpv4(tcp(0x10, MSS_1460_AND_SACK), 1400)).isFalse();
        ByteBuf udp = tcp(0x02, MSS_1460_AND_SACK);
        udp.setByte(9, 17);
        assertThat(MssClamp.clampIpv4(udp, 1400)).isFalse();
    }

    @Test
    void survivesTruncatedOrBogusOptions() {
        assertThat(MssClamp.clampIpv4(tcp(0x02, new byte[] {2, 0, 0, 0}), 1400)).isFalse();
        assertThat(MssClamp.clampIpv4(tcp(0x02, new byte[] {8, 40, 0, 0}), 1400))
                .isFalse();
        assertThat(MssClamp.clampIpv4(tcp(0x02, new byte[] {1, 1, 1, 2}), 1400)).isFalse();
    }
}
