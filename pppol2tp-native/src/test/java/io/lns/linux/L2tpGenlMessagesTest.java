package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The genl {@code l2tp} requests and replies byte for byte against kernel/FACTS.md §2. */
class L2tpGenlMessagesTest {
    private static final int SEQ = 0x01020304;
    private static final int FAMILY = 32;

    @Test
    void tunnelCreateCarriesIdsVersionTwoUdpEncapAndTheFd() {
        byte[] message = L2tpGenlMessages.createTunnel(FAMILY, 5, 9, 12).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex(
                        "3c000000 2000 0500 04030201 00000000" // len 60, family 32, REQUEST|ACK
                                + " 01 01 0000" // cmd TUNNEL_CREATE, version 1
                                + " 0800 0900 05000000" // CONN_ID (9) u32
                                + " 0800 0a00 09000000" // PEER_CONN_ID (10) u32
                                + " 0500 0700 02 000000" // PROTO_VERSION (7) u8 = 2
                                + " 0600 0200 0000 0000" // ENCAP_TYPE (2) u16 = UDP
                                + " 0800 1700 0c000000")); // FD (23) u32
    }

    @Test
    void sessionCreateIsAPppPseudowireInLnsModeWithSequencingBothWays() {
        byte[] message = L2tpGenlMessages.createSession(FAMILY, 5, 7, 9, true).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("4c000000 2000 0500 04030201 00000000"
                        + " 05 01 0000" // SESSION_CREATE
                        + " 0800 0900 05000000" // CONN_ID
                        + " 0800 0b00 07000000" // SESSION_ID (11)
                        + " 0800 0c00 09000000" // PEER_SESSION_ID (12)
                        + " 0600 0100 0700 0000" // PW_TYPE (1) u16 = 7 (PPP)
                        + " 0500 1400 01 000000" // LNS_MODE (20) = 1
                        + " 0500 1300 01 000000" // SEND_SEQ (19)
                        + " 0500 1200 01 000000")); // RECV_SEQ (18)
    }

    @Test
    void sessionCreateWithoutSequencingSaysSoExplicitly() {
        byte[] message = L2tpGenlMessages.createSession(FAMILY, 5, 7, 9, false).build(SEQ);

        assertThat(Hex.of(message)).endsWith(hex("0500 1300 00 000000 0500 1200 00 000000"));
    }

    @Test
    void sessionModifySetsBothSequencingFlags() {
        byte[] message = L2tpGenlMessages.modifySequencing(FAMILY, 5, 7, true).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(hex("34000000 2000 0500 04030201 00000000"
                        + " 07 01 0000" // SESSION_MODIFY
                        + " 0800 0900 05000000 0800 0b00 07000000"
                        + " 0500 1300 01 000000 0500 1200 01 000000"));
    }

    @Test
    void deletesAndGetsNameTheirObjects() {
        assertThat(Hex.of(L2tpGenlMessages.deleteTunnel(FAMILY, 5).build(SEQ)))
                .isEqualTo(hex("1c000000 2000 0500 04030201 00000000 02 01 0000 0800 0900 05000000"));
        assertThat(Hex.of(L2tpGenlMessages.deleteSession(FAMILY, 5, 7).build(SEQ)))
                .isEqualTo(hex(
                        "24000000 2000 0500 04030201 00000000 06 01 0000" + " 0800 0900 05000000 0800 0b00 07000000"));
        // Gets ask for no ack: the reply (or an NLMSG_ERROR) is the answer.
        assertThat(Hex.of(L2tpGenlMessages.getSession(FAMILY, 5, 7).build(SEQ)))
                .isEqualTo(hex(
                        "24000000 2000 0100 04030201 00000000 08 01 0000" + " 0800 0900 05000000 0800 0b00 07000000"));
        assertThat(Hex.of(L2tpGenlMessages.getTunnel(FAMILY, 5).build(SEQ)))
                .isEqualTo(hex("1c000000 2000 0100 04030201 00000000 04 01 0000 0800 0900 05000000"));
    }

    @Test
    void dumpsCarryOnlyTheGenlHeader() {
        assertThat(Hex.of(L2tpGenlMessages.dumpSessions(FAMILY).build(SEQ)))
                .isEqualTo(hex("14000000 2000 0103 04030201 00000000 08 01 0000"));
        assertThat(Hex.of(L2tpGenlMessages.dumpTunnels(FAMILY).build(SEQ)))
                .isEqualTo(hex("14000000 2000 0103 04030201 00000000 04 01 0000"));
    }

    @Test
    void descriptionsNameTheCommandAndTheIds() {
        assertThat(L2tpGenlMessages.createSession(FAMILY, 5, 7, 9, false).description())
                .isEqualTo("L2TP_CMD_SESSION_CREATE(tunnel 5, session 7)");
        assertThat(L2tpGenlMessages.createTunnel(FAMILY, 5, 9, 12).description())
                .isEqualTo("L2TP_CMD_TUNNEL_CREATE(tunnel 5, peer 9, fd 12)");
        assertThat(L2tpGenlMessages.deleteTunnel(FAMILY, 5).description())
                .isEqualTo("L2TP_CMD_TUNNEL_DELETE(tunnel 5)");
    }

    @Test
    void idsOutsideSixteenBitsOrZeroAreRefusedBeforeTheKernel() {
        assertThatThrownBy(() -> L2tpGenlMessages.createTunnel(FAMILY, 0, 9, 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tunnel id must be 1..65535");
        assertThatThrownBy(() -> L2tpGenlMessages.createSession(FAMILY, 5, 65536, 9, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session id");
        assertThatThrownBy(() -> L2tpGenlMessages.createTunnel(FAMILY, 5, 9, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A SESSION_GET reply as 6.1 sends it: u64 stats behind STATS_PAD attributes, extra members. */
    private static final String STATS = "8400 1e80" // STATS (30), nested, 132 bytes
            + " 0400 0900" // STATS_PAD
            + " 0c00 0100 0300000000000000" // TX_PACKETS 3
            + " 0c00 0200 ae00000000000000" // TX_BYTES 174
            + " 0c00 0300 0100000000000000" // TX_ERRORS 1
            + " 0400 0900" // STATS_PAD
            + " 0c00 0400 0200000000000000" // RX_PACKETS 2
            + " 0c00 0500 7400000000000000" // RX_BYTES 116
            + " 0c00 0600 0400000000000000" // RX_SEQ_DISCARDS 4
            + " 0c00 0700 0500000000000000" // RX_OOS_PACKETS 5
            + " 0c00 0800 0600000000000000" // RX_ERRORS 6
            + " 0c00 0a00 6300000000000000" // RX_COOKIE_DISCARDS: not in the record
            + " 0c00 0b00 6400000000000000"; // RX_INVALID: not in the record

    @Test
    void parsesASessionReplyWithItsStats() {
        ByteBuffer payload = payload("08 01 0000"
                + " 0800 0900 05000000" // CONN_ID 5
                + " 0800 0b00 07000000" // SESSION_ID 7
                + " 0800 0a00 09000000" // PEER_CONN_ID 9
                + " 0800 0c00 0b000000" // PEER_SESSION_ID 11
                + " 0800 1100 00000000" // DEBUG
                + " 0600 0100 0700 0000" // PW_TYPE 7
                + " 0500 1200 01 000000" // RECV_SEQ 1
                + " 0500 1300 00 000000" // SEND_SEQ 0
                + " 0500 1400 01 000000 " // LNS_MODE 1
                + STATS);

        assertThat(L2tpGenlMessages.parseSession(payload))
                .isEqualTo(
                        new L2tpSessionInfo(5, 7, 9, 11, false, true, true, new L2tpStats(3, 174, 1, 2, 116, 4, 5, 6)));
    }

    @Test
    void parsesATunnelReplyAndIgnoresTheAddressAttributes() {
        ByteBuffer payload = payload("04 01 0000"
                + " 0500 0700 02 000000" // PROTO_VERSION
                + " 0800 0900 05000000" // CONN_ID 5
                + " 0800 0a00 09000000" // PEER_CONN_ID 9
                + " 0800 1100 00000000" // DEBUG
                + " 0600 0200 0000 0000" // ENCAP_TYPE
                + " 1400 1e80 0c00 0400 0700000000000000" // STATS: RX_PACKETS 7 only
                + " 0500 0d00 01 000000" // UDP_CSUM
                + " 0600 1a00 a506 0000" // UDP_SPORT 1701, host order
                + " 0800 1800 7f000001"); // IP_SADDR 127.0.0.1, network order

        assertThat(L2tpGenlMessages.parseTunnel(payload))
                .isEqualTo(new L2tpTunnelInfo(5, 9, new L2tpStats(0, 0, 0, 7, 0, 0, 0, 0)));
    }

    @Test
    void missingStatsAreZero() {
        assertThat(L2tpGenlMessages.parseStats(null)).isSameAs(L2tpStats.ZERO);
        assertThat(L2tpGenlMessages.parseTunnel(payload("04 01 0000 0800 0900 05000000")))
                .isEqualTo(new L2tpTunnelInfo(5, 0, L2tpStats.ZERO));
    }

    @Test
    void aReplyWithoutIdsIsNotAnObject() {
        assertThat(L2tpGenlMessages.parseSession(payload("08 01 0000 0800 0900 05000000")))
                .isNull();
        assertThat(L2tpGenlMessages.parseTunnel(payload("04 01 0000"))).isNull();
    }

    @Test
    void notificationsBecomeEvents() {
        assertThat(L2tpGenlMessages.parseEvent(payload("05 01 0000 0800 0900 05000000 0800 0b00 07000000")))
                .isEqualTo(new L2tpEvents.Event(L2tpEvents.Event.SESSION_CREATE, 5, 7));
        L2tpEvents.Event tunnelDelete =
                L2tpGenlMessages.parseEvent(payload("02 01 0000 0800 0900 05000000 0800 0a00 09000000"));
        assertThat(tunnelDelete).isEqualTo(new L2tpEvents.Event(L2tpEvents.Event.TUNNEL_DELETE, 5, 0));
        assertThat(tunnelDelete.name()).isEqualTo("TUNNEL_DELETE");
        assertThat(tunnelDelete).hasToString("TUNNEL_DELETE(tunnel 5)");
        assertThat(new L2tpEvents.Event(7, 5, 7).name()).isEqualTo("SESSION_MODIFY");
        assertThat(L2tpGenlMessages.parseEvent(payload("08 01 0000 0800 0900 05000000")))
                .as("a GET reply is not a notification")
                .isNull();
    }

    @Test
    void readsTheFamilyIdVersionAndMulticastGroups() {
        ByteBuffer payload = payload(
                "01 02 0000" // CTRL_CMD_NEWFAMILY
                        + " 0900 0200 6c327470 00 000000" // FAMILY_NAME "l2tp"
                        + " 0600 0100 2000 0000" // FAMILY_ID 32
                        + " 0800 0300 01000000" // VERSION 1
                        + " 0800 0400 00000000" // HDRSIZE
                        + " 0800 0500 23000000" // MAXATTR
                        + " 1c00 0780" // MCAST_GROUPS (7), nested
                        + " 1800 0100" //   element 1
                        + " 0900 0100 6c327470 00 000000" //     NAME "l2tp"
                        + " 0800 0200 09000000"); //     ID 9

        GenericNetlink.Family family = GenericNetlink.parseFamily("l2tp", payload);

        assertThat(family.id()).isEqualTo(32);
        assertThat(family.version()).isEqualTo(1);
        assertThat(family.groups()).containsExactlyEntriesOf(java.util.Map.of("l2tp", 9));
    }

    private static String hex(String spaced) {
        return Hex.of(Hex.parse(spaced));
    }

    private static ByteBuffer payload(String spaced) {
        return ByteBuffer.wrap(Hex.parse(spaced)).order(ByteOrder.nativeOrder());
    }
}
