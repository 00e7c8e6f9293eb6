package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Exact bytes, checked against the layouts in kernel/FACTS.md §8 and what iproute2 sends. */
class RtNetlinkMessagesTest {
    private static final int SEQ = 0x01020304;
    private static final String HEADER_TAIL = "04030201 00000000"; // seq, port id

    @Test
    void linkUpSetsIffUpInFlagsAndChange() {
        byte[] message = RtNetlinkMessages.setLinkUp(7, true).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("20000000 1000 0500 " + HEADER_TAIL + " 00 00 0000 07000000 01000000 01000000"));
    }

    @Test
    void linkDownClearsIffUpButStillNamesItInChange() {
        byte[] message = RtNetlinkMessages.setLinkUp(7, false).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("20000000 1000 0500 " + HEADER_TAIL + " 00 00 0000 07000000 00000000 01000000"));
    }

    @Test
    void mtuIsAnIflaMtuAttribute() {
        byte[] message = RtNetlinkMessages.setMtu(7, 1400).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("28000000 1000 0500 " + HEADER_TAIL + " 00 00 0000 07000000 00000000 00000000"
                        + " 0800 0400 78050000"));
    }

    @Test
    void groupIsAnIflaGroupAttribute() {
        byte[] message = RtNetlinkMessages.setGroup(7, 0x4c4e0001).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("28000000 1000 0500 " + HEADER_TAIL + " 00 00 0000 07000000 00000000 00000000"
                        + " 0800 1b00 01004e4c"));
    }

    @Test
    void groupDeleteNamesNoLinkOnlyTheGroup() {
        byte[] message = RtNetlinkMessages.deleteGroup(0x4c4e0001).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("28000000 1100 0500 " + HEADER_TAIL + " 00 00 0000 00000000 00000000 00000000"
                        + " 0800 1b00 01004e4c"));
    }

    @Test
    void getLinkByNameCarriesIflaIfname() {
        byte[] message = RtNetlinkMessages.getLink("lns0").build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("2c000000 1200 0100 " + HEADER_TAIL + " 00000000 00000000 00000000 00000000"
                        + " 0900 0300 6c6e733000 000000"));
    }

    @Test
    void linkDumpAsksForRootAndMatch() {
        byte[] message = RtNetlinkMessages.dumpLinks().build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("20000000 1200 0103 " + HEADER_TAIL + " 00000000 00000000 00000000 00000000"));
    }

    @Test
    void pointToPointAddressPutsThePeerInIfaAddress() throws Exception {
        byte[] message = RtNetlinkMessages.newAddress(
                        7, InetAddress.getByName("10.0.0.1"), InetAddress.getByName("10.0.0.2"), 32)
                .build(SEQ);

        // flags REQUEST|ACK|EXCL|CREATE = 0x605; ifaddrmsg AF_INET /32 scope universe index 7
        assertThat(Hex.of(message))
                .isEqualTo(hex("28000000 1400 0506 " + HEADER_TAIL + " 02 20 00 00 07000000" + " 0800 0200 0a000001"
                        + " 0800 0100 0a000002"));
    }

    @Test
    void plainAddressRepeatsTheLocalAddressInIfaAddress() throws Exception {
        byte[] message = RtNetlinkMessages.newAddress(7, InetAddress.getByName("10.77.0.1"), null, 24)
                .build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("28000000 1400 0506 " + HEADER_TAIL + " 02 18 00 00 07000000" + " 0800 0200 0a4d0001"
                        + " 0800 0100 0a4d0001"));
    }

    @Test
    void addressDeleteNamesOnlyTheLocalAddress() throws Exception {
        byte[] message = RtNetlinkMessages.deleteAddress(7, InetAddress.getByName("10.0.0.1"), 32)
                .build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("20000000 1500 0500 " + HEADER_TAIL + " 02 20 00 00 07000000" + " 0800 0200 0a000001"));
    }

    @Test
    void ipv4DeviceRouteIsLinkScopedStaticUnicastInTheMainTable() throws Exception {
        byte[] message = RtNetlinkMessages.newRoute(InetAddress.getByName("10.1.0.0"), 16, 7, false)
                .build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("2c000000 1800 0506 " + HEADER_TAIL + " 02 10 00 00 fe 04 fd 01 00000000"
                        + " 0800 0100 0a010000" + " 0800 0400 07000000"));
    }

    @Test
    void replaceRouteSwapsExclForReplace() throws Exception {
        byte[] message = RtNetlinkMessages.newRoute(InetAddress.getByName("10.1.0.0"), 16, 7, true)
                .build(SEQ);

        assertThat(Hex.of(message)).startsWith(hex("2c000000 1800 0505"));
    }

    @Test
    void routeDeleteMatchesAnyProtocolAndScope() throws Exception {
        byte[] message = RtNetlinkMessages.deleteRoute(InetAddress.getByName("10.1.0.0"), 16, 7)
                .build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("2c000000 1900 0500 " + HEADER_TAIL + " 02 10 00 00 fe 00 ff 00 00000000"
                        + " 0800 0100 0a010000" + " 0800 0400 07000000"));
    }

    @Test
    void ipv6RouteHasUniverseScopeAndASixteenByteDestination() throws Exception {
        byte[] message = RtNetlinkMessages.newRoute(InetAddress.getByName("2001:db8::"), 32, 7, false)
                .build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("38000000 1800 0506 " + HEADER_TAIL + " 0a 20 00 00 fe 04 00 01 00000000"
                        + " 1400 0100 20010db8000000000000000000000000" + " 0800 0400 07000000"));
    }

    @Test
    void refusesAPrefixLengthLongerThanTheAddress() throws Exception {
        InetAddress v4 = InetAddress.getByName("10.0.0.0");

        assertThatThrownBy(() -> RtNetlinkMessages.newRoute(v4, 33, 1, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("33");
    }

    @Test
    void genlFamilyLookupNamesTheFamily() {
        byte[] message = GenericNetlink.getFamily("l2tp").build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("20000000 1000 0100 " + HEADER_TAIL + " 03 01 0000" + " 0900 0200 6c32747000 000000"));
    }

    private static String hex(String spaced) {
        return Hex.of(Hex.parse(spaced));
    }
}
