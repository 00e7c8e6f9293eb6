package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The PPPoL2TP sockaddrs and the PPP ioctl numbers and structs against kernel/FACTS.md §3 and §4. */
class PppStructsTest {
    @Test
    void ipv4SockaddrIs38PackedBytesWithHostOrderIdsAtOffset30() {
        byte[] address = PppoL2tpAddress.ipv4(5, 7, 9, 0x1234);

        assertThat(address).hasSize(38);
        assertThat(Hex.of(address))
                .isEqualTo(Hex.of(Hex.parse(
                        "1800" // sa_family AF_PPPOX (24)
                                + " 01000000" // sa_protocol PX_PROTO_OL2TP
                                + " 00000000" // pid
                                + " ffffffff" // fd -1: the tunnel exists, never create one from an fd
                                + " 0200" // sin_family AF_INET, host order
                                + " 0000 00000000 0000000000000000" // sin_port, sin_addr, sin_zero: unread by 6.1
                                + " 0500 0700 0900 3412"))); // s_tunnel, s_session, d_tunnel, d_session
    }

    @Test
    void ipv6SockaddrIs50BytesWithTheIdsBeforeTheAddress() {
        byte[] address = PppoL2tpAddress.ipv6(5, 7, 9, 11);

        assertThat(address).hasSize(50);
        assertThat(Hex.of(address))
                .isEqualTo(Hex.of(Hex.parse("1800 01000000 00000000 ffffffff"
                        + " 0500 0700 0900 0b00" // ids at 14..21
                        + " 0a00" // sin6_family AF_INET6 at 22
                        + " 0000 00000000" // sin6_port, sin6_flowinfo
                        + " 00000000000000000000000000000000" // sin6_addr
                        + " 00000000"))); // sin6_scope_id
    }

    @Test
    void sockaddrRefusesIdsAnL2tpv2HeaderCannotCarry() {
        assertThatThrownBy(() -> PppoL2tpAddress.ipv4(5, 0, 9, 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session id");
        assertThatThrownBy(() -> PppoL2tpAddress.ipv6(70000, 7, 9, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ioctlNumbersAreTheKernelMacrosAsUnsigned32Bit() {
        assertThat(PppIoctl.PPPIOCGCHAN).isEqualTo(ior(55, 4)).isEqualTo(0x80047437L);
        assertThat(PppIoctl.PPPIOCGL2TPSTATS).isEqualTo(ior(54, 72)).isEqualTo(0x80487436L);
        assertThat(PppIoctl.PPPIOCATTCHAN).isEqualTo(iow(56, 4)).isEqualTo(0x40047438L);
        assertThat(PppIoctl.PPPIOCNEWUNIT).isEqualTo(iowr(62, 4)).isEqualTo(0xc004743eL);
        assertThat(PppIoctl.PPPIOCCONNECT).isEqualTo(iow(58, 4)).isEqualTo(0x4004743aL);
        assertThat(PppIoctl.PPPIOCDISCONN).isEqualTo(0x7439L);
        assertThat(PppIoctl.PPPIOCGUNIT).isEqualTo(ior(86, 4));
        assertThat(PppIoctl.PPPIOCSMRU).isEqualTo(iow(82, 4)).isEqualTo(0x40047452L);
        assertThat(PppIoctl.PPPIOCSNPMODE).isEqualTo(iow(75, 8)).isEqualTo(0x4008744bL);
        assertThat(PppIoctl.PPPIOCGNPMODE).isEqualTo(iowr(76, 8)).isEqualTo(0xc008744cL);
        assertThat(PppIoctl.PPPIOCGIDLE).isEqualTo(ior(63, 16)).isEqualTo(0x8010743fL);
    }

    @Test
    void l2tpStatsStructSkipsTheIdsAndReadsEightCounters() {
        byte[] struct = Hex.parse(
                "0500 0700 00000000" // tunnel_id, session_id, using_ipsec
                        + " 0100000000000000 0200000000000000 0300000000000000 0400000000000000"
                        + " 0500000000000000 0600000000000000 0700000000000000 0801000000000000");

        assertThat(struct).hasSize(72);
        assertThat(PppIoctl.l2tpStats(struct)).isEqualTo(new L2tpStats(1, 2, 3, 4, 5, 6, 7, 0x108));
        assertThatThrownBy(() -> PppIoctl.l2tpStats(new byte[64])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idleIsTwoSigned64BitSecondCounts() {
        byte[] struct = Hex.parse("0a00000000000000 1400000000000000");

        assertThat(PppIoctl.idle(struct)).isEqualTo(new PppUnit.Idle(10, 20));
    }

    @Test
    void npioctlIsProtocolThenMode() {
        assertThat(Hex.of(PppIoctl.npioctl(0x21, PppIoctl.NPMODE_DROP))).isEqualTo("2100000001000000");
        assertThat(PppIoctl.npMode(Hex.parse("5700000000000000"))).isEqualTo(PppIoctl.NPMODE_PASS);
    }

    /** {@code _IOC(dir, 't', nr, size)} from asm-generic/ioctl.h. */
    private static long ioc(long direction, int nr, int size) {
        return (direction << 30) | ((long) size << 16) | ('t' << 8) | nr;
    }

    private static long ior(int nr, int size) {
        return ioc(2, nr, size);
    }

    private static long iow(int nr, int size) {
        return ioc(1, nr, size);
    }

    private static long iowr(int nr, int size) {
        return ioc(3, nr, size);
    }
}
