package io.lns.ppp.lcp;

import static io.lns.ppp.frame.ControlPacket.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.frame.ConfigOption;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.RecordingSink;
import io.lns.ppp.fsm.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LcpTest {
    private static final long SECOND = 1_000_000_000L;

    /** Frames 9–14 of captures/xl2tpd-lac_to_l2tpns_full-ppp.pcapng (PPP bytes of the L2TP data messages). */
    private static final String L2TPNS_REQUEST_1 = "ff03c0210101001d010405b60304c02305066b0158d11104064e1307020a3ffffe";

    private static final String CLIENT_REQUEST = "ff03c021018f000e0104058205065e552f40";
    private static final String L2TPNS_ACK = "ff03c021028f000e0104058205065e552f40";
    private static final String CLIENT_REJECT_MULTILINK = "ff03c0210401000f1104064e1307020a3ffffe";
    private static final String L2TPNS_REQUEST_2 = "ff03c02101020012010405b60304c02305066b0158d1";
    private static final String CLIENT_ACK = "ff03c02102020012010405b60304c02305066b0158d1";

    private final RecordingSink sink = new RecordingSink();
    private final AtomicInteger magics = new AtomicInteger(0x11111111);

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static ControlPacket packet(String frameHex) {
        PppFrame frame = PppFrame.decode(hex(frameHex));
        assertThat(frame.protocol()).isEqualTo(PppFrame.LCP);
        return ControlPacket.decode(frame.information());
    }

    private static String frame(ControlPacket p) {
        return HexFormat.of().formatHex(new PppFrame(PppFrame.LCP, p.encode()).encode());
    }

    private Lcp lcp(LcpConfig config) {
        return new Lcp(config, sink, () -> magics.getAndAdd(0x01010101));
    }

    private static byte[] options(ConfigOption... options) {
        return ConfigOption.encodeAll(List.of(options));
    }

    private static ConfigOption option(int type, String valueHex) {
        return new ConfigOption(type, hex(valueHex));
    }

    private static List<Integer> types(ControlPacket p) {
        return ConfigOption.decodeAll(p.data()).stream().map(ConfigOption::type).toList();
    }

    /** Opens an LNS-side LCP against a peer asking for {@code peerOptions}; returns our first request. */
    private ControlPacket openedWith(Lcp lcp, byte[] peerOptions) {
        lcp.open(0);
        lcp.up(0);
        ControlPacket ours = sink.last();
        lcp.receive(new ControlPacket(CONFIGURE_REQUEST, 9, peerOptions), 0);
        assertThat(sink.last().code()).isEqualTo(CONFIGURE_ACK);
        lcp.receive(new ControlPacket(CONFIGURE_ACK, ours.identifier(), ours.data()), 0);
        assertThat(lcp.state()).isEqualTo(State.OPENED);
        sink.take();
        sink.events.clear();
        return ours;
    }

    @Test
    void negotiatesLikeL2tpnsInTheCapturedSession() {
        Lcp lcp = new Lcp(
                LcpConfig.authenticator(1462, List.of(AuthProtocol.PAP)).withMultilinkRequest(1614, hex("020a3ffffe")),
                sink,
                () -> 0x6b0158d1);
        lcp.open(0);
        lcp.up(0);
        assertThat(frame(sink.last())).isEqualTo(L2TPNS_REQUEST_1);

        lcp.receive(packet(CLIENT_REQUEST), 1);
        assertThat(frame(sink.last())).isEqualTo(L2TPNS_ACK);
        assertThat(lcp.state()).isEqualTo(State.ACK_SENT);

        lcp.receive(packet(CLIENT_REJECT_MULTILINK), 2);
        assertThat(frame(sink.last())).isEqualTo(L2TPNS_REQUEST_2);

        lcp.receive(packet(CLIENT_ACK), 3);
        assertThat(lcp.state()).isEqualTo(State.OPENED);
        assertThat(lcp.agreedAuth()).contains(AuthProtocol.PAP);
        assertThat(lcp.peerMru()).isEqualTo(1410);
        assertThat(lcp.ourMagic()).isEqualTo(0x6b0158d1);
        assertThat(sink.events).containsExactly("started", "up");
    }

    @Test
    void ourDefaultRequestCarriesNoMultilinkOptions() {
        Lcp lcp = lcp(LcpConfig.authenticator(1400, List.of(AuthProtocol.PAP)));
        lcp.open(0);
        lcp.up(0);
        assertThat(types(sink.last())).containsExactly(1, 3, 5);
    }

    @Test
    void peerMultilinkOptionsAreRejected() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        lcp.open(0);
        lcp.up(0);
        lcp.receive(new ControlPacket(CONFIGURE_REQUEST, 1, hex("01040582110406401307020a3ffffe")), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_REJECT, 1, hex("110406401307020a3ffffe")));
    }

    @Test
    void smallPeerMruIsNakedUpToTheMinimum() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        lcp.open(0);
        lcp.up(0);
        lcp.receive(new ControlPacket(CONFIGURE_REQUEST, 1, options(option(1, "0064"))), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_NAK, 1, options(option(1, "0240"))));
    }

    @Test
    void accmPfcAndAcfcAreAccepted() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        openedWith(lcp, options(option(2, "00000000"), option(7, ""), option(8, "")));
        assertThat(lcp.peerUsesPfc()).isTrue();
        assertThat(lcp.peerUsesAcfc()).isTrue();
    }

    @Test
    void authenticatorMovesDownItsListOnNak() {
        Lcp lcp = lcp(LcpConfig.authenticator(
                null, List.of(AuthProtocol.MSCHAP_V2, AuthProtocol.CHAP_MD5, AuthProtocol.PAP)));
        lcp.open(0);
        lcp.up(0);
        ControlPacket first = sink.last();
        assertThat(ConfigOption.decodeAll(first.data())).contains(option(3, "c22381"));

        lcp.receive(new ControlPacket(CONFIGURE_NAK, first.identifier(), options(option(3, "c227"))), 1);
        ControlPacket second = sink.last();
        assertThat(ConfigOption.decodeAll(second.data())).contains(option(3, "c22305"));

        lcp.receive(new ControlPacket(CONFIGURE_NAK, second.identifier(), options(option(3, "c023"))), 2);
        ControlPacket third = sink.last();
        assertThat(ConfigOption.decodeAll(third.data())).contains(option(3, "c023"));

        lcp.receive(new ControlPacket(CONFIGURE_NAK, third.identifier(), options(option(3, "c227"))), 3);
        assertThat(types(sink.last())).doesNotContain(3);
    }

    @Test
    void authenticatorRejectsPeerAskingUsToAuthenticate() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        lcp.open(0);
        lcp.up(0);
        lcp.receive(new ControlPacket(CONFIGURE_REQUEST, 4, options(option(3, "c023"))), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_REJECT, 4, options(option(3, "c023"))));
    }

    @Test
    void peerRoleAcceptsSupportedAuthAndNaksOthers() {
        Lcp lcp = lcp(LcpConfig.peer(null, List.of(AuthProtocol.CHAP_MD5, AuthProtocol.PAP)));
        lcp.open(0);
        lcp.up(0);
        lcp.receive(new ControlPacket(CONFIGURE_REQUEST, 1, options(option(3, "c22381"))), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_NAK, 1, options(option(3, "c22305"))));
        lcp.receive(new ControlPacket(CONFIGURE_REQUEST, 2, options(option(3, "c023"))), 0);
        assertThat(sink.last().code()).isEqualTo(CONFIGURE_ACK);
        assertThat(lcp.peerRequiresAuth()).contains(AuthProtocol.PAP);
    }

    @Test
    void peerUsingOurMagicIsNakedWithAFreshOne() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        lcp.open(0);
        lcp.up(0);
        ConfigOption ourMagic = ConfigOption.decodeAll(sink.last().data()).stream()
                .filter(o -> o.type() == 5)
                .findFirst()
                .orElseThrow();
        lcp.receive(new ControlPacket(CONFIGURE_REQUEST, 1, options(ourMagic)), 0);
        ControlPacket nak = sink.last();
        assertThat(nak.code()).isEqualTo(CONFIGURE_NAK);
        ConfigOption suggested = ConfigOption.decodeAll(nak.data()).getFirst();
        assertThat(suggested.type()).isEqualTo(5);
        assertThat(suggested.value()).isNotEqualTo(ourMagic.value()).isNotEqualTo(new byte[4]);
    }

    @Test
    void echoReplyCarriesOurMagicAndNeverExceedsPeerMru() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        openedWith(lcp, options(option(1, "0258"))); // peer MRU 600
        byte[] data = new byte[1000];
        data[4] = 42;
        lcp.receive(new ControlPacket(ECHO_REQUEST, 33, data), 1);
        ControlPacket reply = sink.last();
        assertThat(reply.code()).isEqualTo(ECHO_REPLY);
        assertThat(reply.identifier()).isEqualTo(33);
        assertThat(reply.length()).isEqualTo(600);
        assertThat(MagicNumberOption.u32(reply.data()))
                .isEqualTo(lcp.ourMagic())
                .isNotZero();
        assertThat(reply.data()[4]).isEqualTo((byte) 42);
    }

    @Test
    void discardRequestIsIgnoredAndUnknownCodeIsCodeRejected() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        openedWith(lcp, new byte[0]);
        lcp.receive(new ControlPacket(DISCARD_REQUEST, 1, hex("00000000")), 1);
        assertThat(sink.sent).isEmpty();
        lcp.receive(new ControlPacket(42, 2, hex("0102")), 1);
        assertThat(sink.last().code()).isEqualTo(CODE_REJECT);
        assertThat(sink.last().data()).isEqualTo(hex("2a0200060102"));
    }

    @Test
    void protocolRejectHelperAndPeerProtocolRejects() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        List<Integer> rejected = new ArrayList<>();
        lcp.onProtocolReject(rejected::add);
        openedWith(lcp, new byte[0]);
        lcp.rejectProtocol(new PppFrame(0x8057, hex("0101000a")), 1);
        assertThat(sink.last().code()).isEqualTo(PROTOCOL_REJECT);
        assertThat(sink.last().data()).isEqualTo(hex("80570101000a"));

        lcp.receive(new ControlPacket(PROTOCOL_REJECT, 5, hex("80570101000a")), 2);
        assertThat(rejected).containsExactly(0x8057);
        assertThat(lcp.state()).isEqualTo(State.OPENED);

        lcp.receive(new ControlPacket(PROTOCOL_REJECT, 6, hex("c021")), 3);
        assertThat(lcp.state()).isEqualTo(State.STOPPING);
    }

    @Test
    void terminateBothWays() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        openedWith(lcp, new byte[0]);
        lcp.receive(new ControlPacket(TERMINATE_REQUEST, 8, new byte[0]), 1);
        assertThat(sink.last()).isEqualTo(new ControlPacket(TERMINATE_ACK, 8, new byte[0]));
        assertThat(lcp.state()).isEqualTo(State.STOPPING);

        Lcp other = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)));
        sink.take();
        openedWith(other, new byte[0]);
        other.close(1, "session disconnected");
        ControlPacket tr = sink.last();
        assertThat(tr.code()).isEqualTo(TERMINATE_REQUEST);
        other.receive(new ControlPacket(TERMINATE_ACK, tr.identifier(), new byte[0]), 2);
        assertThat(other.state()).isEqualTo(State.CLOSED);
        assertThat(sink.events).containsExactly("down:session disconnected", "finished:session disconnected");
    }

    @Test
    void keepaliveSendsEchoesAndDropsTheLinkAfterFailures() {
        Lcp lcp = lcp(LcpConfig.authenticator(null, List.of(AuthProtocol.PAP)).withEcho(Duration.ofSeconds(10), 3));
        openedWith(lcp, new byte[0]);
        assertThat(sink.deadline).isEqualTo(10 * SECOND);
        lcp.tick(10 * SECOND);
        ControlPacket echo = sink.last();
        assertThat(echo.code()).isEqualTo(ECHO_REQUEST);
        assertThat(MagicNumberOption.u32(echo.data())).isEqualTo(lcp.ourMagic());
        lcp.receive(new ControlPacket(ECHO_REPLY, echo.identifier(), hex("12345678")), 11 * SECOND);
        lcp.tick(20 * SECOND);
        lcp.tick(30 * SECOND);
        lcp.tick(40 * SECOND);
        assertThat(sink.events).isEmpty();
        lcp.tick(50 * SECOND);
        assertThat(sink.sent)
                .extracting(ControlPacket::code)
                .containsExactly(ECHO_REQUEST, ECHO_REQUEST, ECHO_REQUEST, ECHO_REQUEST, TERMINATE_REQUEST);
        assertThat(sink.events).singleElement().asString().startsWith("down:peer not responding");
        assertThat(lcp.state()).isEqualTo(State.CLOSING);
    }
}
