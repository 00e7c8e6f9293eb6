package io.lns.ppp.ipcp;

import static io.lns.ppp.frame.ControlPacket.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.frame.ConfigOption;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.RecordingSink;
import io.lns.ppp.fsm.State;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IpcpTest {
    /** Frames 19–24 of captures/xl2tpd-lac_to_l2tpns_full-ppp.pcapng (PPP bytes of the L2TP data messages). */
    private static final String L2TPNS_REQUEST = "ff0380210101000a03060a3ffffe";

    private static final String CLIENT_REQUEST_ZERO = "ff03802101910010030600000000810600000000";
    private static final String L2TPNS_NAK = "ff0380210391001003060a40000181060a3ffffd";
    private static final String CLIENT_ACK = "ff0380210201000a03060a3ffffe";
    private static final String CLIENT_REQUEST_NAKED = "ff0380210192001003060a40000181060a3ffffd";
    private static final String L2TPNS_ACK = "ff0380210292001003060a40000181060a3ffffd";

    private static final Inet4Address GATEWAY = ip("10.63.255.254");
    private static final Inet4Address PEER = ip("10.64.0.1");
    private static final Inet4Address DNS1 = ip("10.63.255.253");
    private static final Inet4Address DNS2 = ip("10.63.255.252");

    private final RecordingSink serverOut = new RecordingSink();
    private final RecordingSink clientOut = new RecordingSink();

    private static Inet4Address ip(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static ControlPacket packet(String frameHex) {
        PppFrame frame = PppFrame.decode(hex(frameHex));
        assertThat(frame.protocol()).isEqualTo(PppFrame.IPCP);
        return ControlPacket.decode(frame.information());
    }

    private static String frame(ControlPacket p) {
        return HexFormat.of().formatHex(new PppFrame(PppFrame.IPCP, p.encode()).encode());
    }

    private static byte[] options(ConfigOption... options) {
        return ConfigOption.encodeAll(List.of(options));
    }

    private static ConfigOption address(int type, Inet4Address a) {
        return new ConfigOption(type, a.getAddress());
    }

    private Ipcp started(Ipcp ipcp, RecordingSink out) {
        ipcp.open(0);
        ipcp.up(0);
        return ipcp;
    }

    @Test
    void negotiatesLikeL2tpnsInTheCapturedSession() {
        Ipcp lns = started(new Ipcp(IpcpConfig.server(GATEWAY, () -> PEER, DNS1, null), serverOut), serverOut);
        assertThat(frame(serverOut.last())).isEqualTo(L2TPNS_REQUEST);

        lns.receive(packet(CLIENT_REQUEST_ZERO), 1);
        ControlPacket nak = serverOut.last();
        assertThat(frame(nak)).isEqualTo(L2TPNS_NAK);
        assertThat(ConfigOption.decodeAll(nak.data()))
                .containsExactlyElementsOf(
                        ConfigOption.decodeAll(packet(L2TPNS_NAK).data()))
                .contains(address(Ipcp.IP_ADDRESS, PEER));

        lns.receive(packet(CLIENT_ACK), 2);
        assertThat(lns.state()).isEqualTo(State.ACK_RCVD);
        lns.receive(packet(CLIENT_REQUEST_NAKED), 3);
        assertThat(frame(serverOut.last())).isEqualTo(L2TPNS_ACK);
        assertThat(lns.state()).isEqualTo(State.OPENED);
        assertThat(serverOut.events).containsExactly("started", "up");
        assertThat(lns.peerAddress()).contains(PEER);
        assertThat(lns.localAddress()).contains(GATEWAY);
        assertThat(lns.primaryDns()).contains(DNS1);
        assertThat(lns.secondaryDns()).isEmpty();
    }

    @Test
    void serverAndClientReachOpenedWithAddressAndDns() {
        AtomicInteger leases = new AtomicInteger();
        Ipcp server = started(
                new Ipcp(
                        IpcpConfig.server(
                                GATEWAY,
                                () -> {
                                    leases.incrementAndGet();
                                    return ip("10.64.0.7");
                                },
                                DNS1,
                                DNS2),
                        serverOut),
                serverOut);
        Ipcp client = started(new Ipcp(IpcpConfig.client(true), clientOut), clientOut);
        ControlPair.run(serverOut, server::receive, clientOut, client::receive);

        assertThat(server.state()).isEqualTo(State.OPENED);
        assertThat(client.state()).isEqualTo(State.OPENED);
        assertThat(client.localAddress()).contains(ip("10.64.0.7"));
        assertThat(client.peerAddress()).contains(GATEWAY);
        assertThat(client.primaryDns()).contains(DNS1);
        assertThat(client.secondaryDns()).contains(DNS2);
        assertThat(server.peerAddress()).contains(ip("10.64.0.7"));
        assertThat(server.localAddress()).contains(GATEWAY);
        assertThat(server.primaryDns()).contains(DNS1);
        assertThat(server.secondaryDns()).contains(DNS2);
        assertThat(leases).hasValue(1);
    }

    @Test
    void dnsIsRejectedWhenNoneConfigured() {
        Ipcp server = started(new Ipcp(IpcpConfig.server(GATEWAY, PEER), serverOut), serverOut);
        serverOut.take();
        server.receive(
                new ControlPacket(
                        CONFIGURE_REQUEST,
                        7,
                        options(
                                address(Ipcp.IP_ADDRESS, ip("0.0.0.0")),
                                address(Ipcp.PRIMARY_DNS, ip("0.0.0.0")),
                                address(Ipcp.SECONDARY_DNS, ip("0.0.0.0")))),
                0);
        assertThat(serverOut.last())
                .isEqualTo(new ControlPacket(
                        CONFIGURE_REJECT,
                        7,
                        options(address(Ipcp.PRIMARY_DNS, ip("0.0.0.0")), address(Ipcp.SECONDARY_DNS, ip("0.0.0.0")))));

        serverOut.take();
        Ipcp server2 = started(new Ipcp(IpcpConfig.server(GATEWAY, PEER), serverOut), serverOut);
        Ipcp client = started(new Ipcp(IpcpConfig.client(true), clientOut), clientOut);
        ControlPair.run(serverOut, server2::receive, clientOut, client::receive);
        assertThat(client.state()).isEqualTo(State.OPENED);
        assertThat(server2.state()).isEqualTo(State.OPENED);
        assertThat(client.localAddress()).contains(PEER);
        assertThat(client.primaryDns()).isEmpty();
        assertThat(client.secondaryDns()).isEmpty();
    }

    @Test
    void peerOmittingIpAddressIsNakedWithItsAddress() {
        Ipcp server = started(new Ipcp(IpcpConfig.server(GATEWAY, () -> PEER, DNS1, null), serverOut), serverOut);
        server.receive(new ControlPacket(CONFIGURE_REQUEST, 3, new byte[0]), 0);
        assertThat(serverOut.last())
                .isEqualTo(new ControlPacket(CONFIGURE_NAK, 3, options(address(Ipcp.IP_ADDRESS, PEER))));

        server.receive(new ControlPacket(CONFIGURE_REQUEST, 4, options(address(Ipcp.PRIMARY_DNS, ip("0.0.0.0")))), 0);
        assertThat(serverOut.last())
                .isEqualTo(new ControlPacket(
                        CONFIGURE_NAK, 4, options(address(Ipcp.PRIMARY_DNS, DNS1), address(Ipcp.IP_ADDRESS, PEER))));
    }

    @Test
    void wrongPeerAddressIsNakedAndTheRightOneAcked() {
        Ipcp server = started(new Ipcp(IpcpConfig.server(GATEWAY, PEER), serverOut), serverOut);
        server.receive(new ControlPacket(CONFIGURE_REQUEST, 3, options(address(Ipcp.IP_ADDRESS, ip("192.0.2.9")))), 0);
        assertThat(serverOut.last())
                .isEqualTo(new ControlPacket(CONFIGURE_NAK, 3, options(address(Ipcp.IP_ADDRESS, PEER))));
        byte[] right = options(address(Ipcp.IP_ADDRESS, PEER));
        server.receive(new ControlPacket(CONFIGURE_REQUEST, 4, right), 0);
        assertThat(serverOut.last()).isEqualTo(new ControlPacket(CONFIGURE_ACK, 4, right));
        assertThat(server.state()).isEqualTo(State.ACK_SENT);
    }

    @Test
    void vanJacobsonCompressionAndUnknownOptionsAreRejected() {
        Ipcp server = started(new Ipcp(IpcpConfig.server(GATEWAY, PEER), serverOut), serverOut);
        ConfigOption vj = new ConfigOption(Ipcp.IP_COMPRESSION_PROTOCOL, hex("002d0f01"));
        ConfigOption nbns = new ConfigOption(130, hex("00000000"));
        server.receive(
                new ControlPacket(CONFIGURE_REQUEST, 3, options(vj, address(Ipcp.IP_ADDRESS, ip("0.0.0.0")), nbns)), 0);
        assertThat(serverOut.last()).isEqualTo(new ControlPacket(CONFIGURE_REJECT, 3, options(vj, nbns)));

        Ipcp client = started(new Ipcp(IpcpConfig.client(false), clientOut), clientOut);
        assertThat(ConfigOption.decodeAll(clientOut.last().data()))
                .containsExactly(address(Ipcp.IP_ADDRESS, ip("0.0.0.0")));
        client.receive(new ControlPacket(CONFIGURE_REQUEST, 9, options(address(Ipcp.PRIMARY_DNS, DNS1))), 0);
        assertThat(clientOut.last().code()).isEqualTo(CONFIGURE_REJECT);
    }
}
