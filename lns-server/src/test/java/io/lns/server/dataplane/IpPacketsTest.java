package io.lns.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class IpPacketsTest {
    @Test
    void checksVersionHeaderLengthAndTotalLength() {
        ByteBuf p = MssClampTest.tcp(0x02, new byte[0]);
        assertThat(IpPackets.isIpv4(p)).isTrue();
        assertThat(IpPackets.ipv4Source(p)).isEqualTo(0x64400002);
        assertThat(IpPackets.ipv4Destination(p)).isEqualTo(0xC0000201);
        assertThat(IpPackets.isIpv4(p.copy(0, 19))).isFalse();
        ByteBuf longer = p.copy();
        longer.setShort(2, 41);
        assertThat(IpPackets.isIpv4(longer)).isFalse();
        ByteBuf v6 = p.copy();
        v6.setByte(0, 0x65);
        assertThat(IpPackets.isIpv4(v6)).isFalse();
        ByteBuf shortIhl = p.copy();
        shortIhl.setByte(0, 0x44);
        assertThat(IpPackets.isIpv4(shortIhl)).isFalse();
        assertThat(IpPackets.isIpv6(Unpooled.wrappedBuffer(new byte[40]))).isFalse();
    }
}
