package io.lns.ppp.lcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.fsm.RecordingSink;
import io.lns.ppp.fsm.State;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Lcp#adopt}: opening on an agreement a LAC made (proxy LCP, RFC 2661 §4.4.5). */
class LcpAdoptTest {
    private static final long SECOND = 1_000_000_000L;
    private final RecordingSink sink = new RecordingSink();

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private Lcp lns(List<AuthProtocol> auth) {
        return new Lcp(LcpConfig.authenticator(1460, auth).withEcho(Duration.ofSeconds(10), 3), sink, () -> 0x0badcafe);
    }

    // the LAC asked for MRU 1460, CHAP-MD5 and magic 11111111; the subscriber for MRU 1492, magic 22222222, PFC
    private static final String LAC = "010405b4" + "0305c22305" + "050611111111";
    private static final String SUBSCRIBER = "010405d4" + "050622222222" + "0702";

    @Test
    void opensWithoutSendingAndTakesTheAgreedValues() {
        Lcp lcp = lns(List.of(AuthProtocol.PAP, AuthProtocol.CHAP_MD5));
        assertThat(lcp.adopt(hex(LAC), hex(SUBSCRIBER), 0)).isEmpty();
        assertThat(lcp.state()).isEqualTo(State.OPENED);
        assertThat(sink.sent).isEmpty();
        assertThat(sink.events).containsExactly("started", "up");
        assertThat(lcp.ourMagic()).isEqualTo(0x11111111);
        assertThat(lcp.peerMru()).isEqualTo(1492);
        assertThat(lcp.agreedAuth()).contains(AuthProtocol.CHAP_MD5);
        assertThat(lcp.peerUsesPfc()).isTrue();
        assertThat(sink.deadline).isEqualTo(10 * SECOND); // the keepalive runs

        // renegotiation by the peer follows RFC 1661 from Opened: our request carries the LAC's magic
        lcp.receive(new ControlPacket(ControlPacket.CONFIGURE_REQUEST, 5, hex(SUBSCRIBER)), SECOND);
        assertThat(sink.events).contains("down:peer renegotiates");
        assertThat(HexFormat.of().formatHex(sink.sent.getFirst().data())).contains("050611111111");
    }

    @Test
    void refusesWhatOurHandlersWouldNotHaveAgreedTo() {
        record Case(String lac, String subscriber, List<AuthProtocol> auth, String reason) {}
        List<Case> cases = List.of(
                new Case(LAC, "010401f4", List.of(AuthProtocol.CHAP_MD5), "1 (MRU) would be Nak'ed"),
                new Case(LAC, "110405d4", List.of(AuthProtocol.CHAP_MD5), "17 (MRRU) would be rejected"),
                new Case(LAC, "1305010203", List.of(AuthProtocol.CHAP_MD5), "19 (Endpoint-Discriminator)"),
                new Case(LAC, "0304c023", List.of(AuthProtocol.CHAP_MD5), "3 (Authentication-Protocol)"),
                new Case(LAC, "050611111111", List.of(AuthProtocol.CHAP_MD5), "5 (Magic-Number) would be Nak'ed"),
                new Case(LAC, "0d0306", List.of(AuthProtocol.CHAP_MD5), "13 (Callback)"),
                new Case(LAC, SUBSCRIBER, List.of(AuthProtocol.PAP), "c22305 is not one we request"),
                new Case("0305c22380", SUBSCRIBER, List.of(AuthProtocol.CHAP_MD5), "c22380"),
                new Case("010405b4", SUBSCRIBER, List.of(AuthProtocol.CHAP_MD5), "no authentication was requested"),
                new Case(LAC, SUBSCRIBER, List.of(), "is not one we request []"),
                new Case(LAC + "110405d4", SUBSCRIBER, List.of(AuthProtocol.CHAP_MD5), "17 (MRRU)"),
                new Case("0105", SUBSCRIBER, List.of(AuthProtocol.CHAP_MD5), "malformed"),
                new Case(LAC, "0103", List.of(AuthProtocol.CHAP_MD5), "malformed"));
        for (Case c : cases) {
            sink.take();
            Lcp lcp = lns(c.auth());
            Optional<String> refusal = lcp.adopt(hex(c.lac()), hex(c.subscriber()), 0);
            assertThat(refusal)
                    .as(c.toString())
                    .hasValueSatisfying(r -> assertThat(r).contains(c.reason()));
            assertThat(lcp.state()).as(c.toString()).isEqualTo(State.INITIAL);
            assertThat(sink.sent).isEmpty();
            // and negotiating afterwards works as ever
            lcp.open(0);
            lcp.up(0);
            assertThat(sink.last().code()).isEqualTo(ControlPacket.CONFIGURE_REQUEST);
        }
    }

    @Test
    void noAuthenticationAgreedIsFineWhenWeRequireNone() {
        Lcp lcp = lns(List.of());
        assertThat(lcp.adopt(hex("010405b4050611111111"), hex(SUBSCRIBER), 0)).isEmpty();
        assertThat(lcp.agreedAuth()).isEmpty();
    }
}
