package io.lns.ppp.session;

import static io.lns.ppp.session.PppSessionTest.FIXED;
import static io.lns.ppp.session.PppSessionTest.POOL1;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.frame.ConfigOption;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.State;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.ppp.lcp.LcpOptionTypes;
import io.lns.ppp.proxy.ProxyAuth;
import io.lns.ppp.proxy.ProxyAuthType;
import io.lns.ppp.proxy.ProxyLcp;
import io.lns.ppp.proxy.ProxyOutcome;
import io.lns.ppp.proxy.ProxyPolicy;
import io.lns.ppp.session.PppSessionTest.Link;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Proxy LCP and proxy authentication (RFC 2661 §4.4.5), LNS and subscriber sessions face to face. */
class ProxySessionTest {
    static final int LAC_MAGIC = 0x11111111;
    static final int SUBSCRIBER_MAGIC = 0x22222222;
    static final byte[] CHALLENGE = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    static Link link(AuthProtocol lnsAuth, UnaryOperator<PppSessionConfig> lns, String user, String password) {
        return new Link(
                LcpConfig.authenticator(1460, List.of(lnsAuth)).withEcho(Duration.ofSeconds(10), 3),
                lns,
                user,
                password);
    }

    static ProxyLcp proxyLcp(AuthProtocol lacAuth) {
        return ProxyLcp.forSubscriber(1492, SUBSCRIBER_MAGIC, 1460, lacAuth, LAC_MAGIC);
    }

    /** Both ends start on the same proxy set: the LNS from the ICCN, the subscriber as the LAC left it. */
    static void start(Link link, ProxyLcp lcp, Optional<ProxyAuth> auth) {
        link.lns.start(link.clock.now, Optional.of(lcp), auth);
        link.peer.start(link.clock.now, Optional.of(lcp), auth);
    }

    static List<PppFrame> sentBy(PppSessionTest.Sink sink, int protocol) {
        return sink.sent.stream().filter(f -> f.protocol() == protocol).toList();
    }

    static List<Integer> lcpCodes(PppSessionTest.Sink sink) {
        List<Integer> codes = new ArrayList<>();
        for (PppFrame f : sentBy(sink, PppFrame.LCP))
            codes.add(ControlPacket.decode(f.information()).code());
        return codes;
    }

    /** The LCP packets of codes 1–7 a session sent (keepalive Echo packets are not negotiation). */
    static List<Integer> negotiation(PppSessionTest.Sink sink) {
        return lcpCodes(sink).stream()
                .filter(c -> c <= ControlPacket.CODE_REJECT)
                .toList();
    }

    @Test
    void papProxyAcceptedWithoutAnyLcpPacketFromTheLns() {
        Link link = link(AuthProtocol.PAP, c -> c, "alice", "secret1");
        start(link, proxyLcp(AuthProtocol.PAP), Optional.of(ProxyAuth.pap("alice", "secret1")));
        link.run(true, 3);

        PppSessionTest.assertUp(link, POOL1, AuthProtocol.PAP, "alice");
        assertThat(negotiation(link.lnsSink)).isEmpty();
        assertThat(negotiation(link.peerSink)).isEmpty();
        assertThat(link.authenticator.requests).hasSize(1).first().isInstanceOf(AuthRequest.PapRequest.class);
        // the LAC's exchange is answered with its identifier, as if it had been ours
        assertThat(sentBy(link.lnsSink, PppFrame.PAP)).hasSize(1);
        byte[] ack = sentBy(link.lnsSink, PppFrame.PAP).getFirst().information();
        assertThat(ack[0]).isEqualTo((byte) 2);
        assertThat(ack[1]).isEqualTo((byte) 1);
        assertThat(link.lnsSink.outcomes).containsExactly(new ProxyOutcome.Accepted(true));
        assertThat(link.peerSink.outcomes).containsExactly(new ProxyOutcome.Accepted(true));
        assertThat(link.lns.lcpState()).isEqualTo(State.OPENED);
    }

    @Test
    void chapProxyAcceptedWithoutASecondChallenge() {
        Link link = link(AuthProtocol.CHAP_MD5, c -> c, "fixed", "secret2");
        ProxyAuth auth = ProxyAuth.chap(7, CHALLENGE, "fixed", "secret2");
        start(link, proxyLcp(AuthProtocol.CHAP_MD5), Optional.of(auth));
        link.run(true, 3);

        PppSessionTest.assertUp(link, FIXED, AuthProtocol.CHAP_MD5, "fixed");
        assertThat(negotiation(link.lnsSink)).isEmpty();
        AuthRequest.ChapRequest req = (AuthRequest.ChapRequest) link.authenticator.requests.getFirst();
        assertThat(link.authenticator.requests).hasSize(1);
        assertThat(req.id()).isEqualTo(7);
        assertThat(req.challenge()).isEqualTo(CHALLENGE);
        assertThat(req.response()).isEqualTo(auth.response());
        List<PppFrame> chap = sentBy(link.lnsSink, PppFrame.CHAP);
        assertThat(chap).hasSize(1); // a Success, never a Challenge
        assertThat(chap.getFirst().information()[0]).isEqualTo((byte) 3);
        assertThat(chap.getFirst().information()[1]).isEqualTo((byte) 7);
        assertThat(link.lnsSink.outcomes).containsExactly(new ProxyOutcome.Accepted(true));
    }

    @Test
    void proxyLcpWithoutUsableProxyAuthRunsOurOwnChap() {
        List<Optional<ProxyAuth>> cases = List.of(
                Optional.empty(),
                Optional.of(ProxyAuth.none()),
                Optional.of(new ProxyAuth(ProxyAuthType.MSCHAP_V1, "alice", CHALLENGE, 3, new byte[49])),
                Optional.of(ProxyAuth.pap("alice", "secret1"))); // PAP proxied, CHAP agreed: no fit
        for (Optional<ProxyAuth> auth : cases) {
            Link link = link(AuthProtocol.CHAP_MD5, c -> c, "alice", "secret1");
            link.lns.start(link.clock.now, Optional.of(proxyLcp(AuthProtocol.CHAP_MD5)), auth);
            // the subscriber behind the LAC waits for a challenge: the LAC did not authenticate it
            link.peer.start(link.clock.now, Optional.of(proxyLcp(AuthProtocol.CHAP_MD5)), Optional.empty());
            link.run(true, 3);

            PppSessionTest.assertUp(link, POOL1, AuthProtocol.CHAP_MD5, "alice");
            assertThat(negotiation(link.lnsSink)).as(auth.toString()).isEmpty();
            assertThat(sentBy(link.lnsSink, PppFrame.CHAP).getFirst().information()[0])
                    .as("our own Challenge")
                    .isEqualTo((byte) 1);
            assertThat(link.lnsSink.outcomes).containsExactly(new ProxyOutcome.Accepted(false));
        }
    }

    @Test
    void rejectedProxyAuthenticationEndsTheSessionWithTheReason() {
        Link link = link(AuthProtocol.PAP, c -> c, "alice", "wrong");
        start(link, proxyLcp(AuthProtocol.PAP), Optional.of(ProxyAuth.pap("alice", "wrong")));
        link.run(true, 10);

        assertThat(link.lnsSink.up).isNull();
        assertThat(link.lnsSink.down)
                .startsWith("proxy authentication rejected for alice")
                .contains("wrong password");
        assertThat(link.peerSink.down).isNotNull();
        assertThat(link.lns.phase()).isEqualTo(PppPhase.DEAD);
        assertThat(link.pool).containsExactly(POOL1);
        assertThat(lcpCodes(link.lnsSink)).startsWith(ControlPacket.TERMINATE_REQUEST);
    }

    @Test
    void multilinkInTheSubscribersRequestMeansRenegotiation() {
        Link link = link(AuthProtocol.PAP, c -> c, "alice", "secret1");
        ProxyLcp good = proxyLcp(AuthProtocol.PAP);
        byte[] received = ConfigOption.encodeAll(List.of(
                new ConfigOption(LcpOptionTypes.MRU, new byte[] {0x05, (byte) 0xd4}),
                new ConfigOption(LcpOptionTypes.MRRU, new byte[] {0x05, (byte) 0xd4})));
        ProxyLcp withMrru = new ProxyLcp(received, good.lastSent(), received);
        link.lns.start(link.clock.now, Optional.of(withMrru), Optional.of(ProxyAuth.pap("alice", "secret1")));
        link.peer.start(link.clock.now);
        link.run(true, 3);

        PppSessionTest.assertUp(link, POOL1, AuthProtocol.PAP, "alice");
        assertThat(link.lnsSink.outcomes).hasSize(1);
        ProxyOutcome.RenegotiatedUnacceptable outcome =
                (ProxyOutcome.RenegotiatedUnacceptable) link.lnsSink.outcomes.getFirst();
        assertThat(outcome.reason()).contains("MRRU");
        assertThat(lcpCodes(link.lnsSink)).contains(ControlPacket.CONFIGURE_REQUEST);
    }

    @Test
    void anAuthProtocolWeDoNotAllowMeansRenegotiationAndTheSubscriberAuthenticatesAgain() {
        Link link = link(AuthProtocol.CHAP_MD5, c -> c, "alice", "secret1");
        start(link, proxyLcp(AuthProtocol.PAP), Optional.of(ProxyAuth.pap("alice", "secret1")));
        link.run(true, 5);

        PppSessionTest.assertUp(link, POOL1, AuthProtocol.CHAP_MD5, "alice");
        ProxyOutcome.RenegotiatedUnacceptable outcome =
                (ProxyOutcome.RenegotiatedUnacceptable) link.lnsSink.outcomes.getFirst();
        assertThat(link.lnsSink.outcomes).hasSize(1);
        assertThat(outcome.reason()).contains("c023");
        // the subscriber had opened on the LAC's agreement and went back to Establish when asked
        assertThat(link.peerSink.outcomes).containsExactly(new ProxyOutcome.Accepted(true));
        assertThat(link.peerSink.phases)
                .containsSubsequence(PppPhase.NETWORK, PppPhase.ESTABLISH, PppPhase.AUTHENTICATE, PppPhase.NETWORK);
        assertThat(link.authenticator.requests).hasSize(1).first().isInstanceOf(AuthRequest.ChapRequest.class);
    }

    @Test
    void renegotiatePolicyIgnoresAnAcceptableProxy() {
        Link link = link(AuthProtocol.PAP, c -> c.withProxyPolicy(ProxyPolicy.RENEGOTIATE), "alice", "secret1");
        start(link, proxyLcp(AuthProtocol.PAP), Optional.of(ProxyAuth.pap("alice", "secret1")));
        link.run(true, 5);

        PppSessionTest.assertUp(link, POOL1, AuthProtocol.PAP, "alice");
        assertThat(link.lnsSink.outcomes).containsExactly(ProxyOutcome.RENEGOTIATED_BY_POLICY);
        assertThat(lcpCodes(link.lnsSink)).contains(ControlPacket.CONFIGURE_REQUEST, ControlPacket.CONFIGURE_ACK);
        assertThat(link.peerSink.phases)
                .containsSubsequence(PppPhase.NETWORK, PppPhase.ESTABLISH, PppPhase.AUTHENTICATE, PppPhase.NETWORK);
        // the subscriber sent its PAP request itself this time; the LAC's was not used
        assertThat(sentBy(link.peerSink, PppFrame.PAP)).isNotEmpty();
        assertThat(link.authenticator.requests).hasSize(1);
    }

    @Test
    void echoKeepaliveAfterAcceptanceUsesTheLacsMagicAndMeasuresTheRoundTrip() {
        Link link = link(AuthProtocol.PAP, c -> c, "alice", "secret1");
        start(link, proxyLcp(AuthProtocol.PAP), Optional.of(ProxyAuth.pap("alice", "secret1")));
        link.run(true, 3);
        PppSessionTest.assertUp(link, POOL1, AuthProtocol.PAP, "alice");
        link.lnsSink.out.clear();
        link.peerSink.out.clear();
        PppStats before = link.lns.stats();

        link.clock.now = link.lnsSink.deadline;
        link.lns.tick(link.clock.now);
        PppFrame echo = link.lnsSink.out.poll();
        ControlPacket request = ControlPacket.decode(echo.information());
        assertThat(request.code()).isEqualTo(ControlPacket.ECHO_REQUEST);
        assertThat(request.data()).containsExactly(0x11, 0x11, 0x11, 0x11);

        link.peer.receive(echo, link.clock.now);
        ControlPacket reply = ControlPacket.decode(link.peerSink.out.peek().information());
        assertThat(reply.code()).isEqualTo(ControlPacket.ECHO_REPLY);
        assertThat(reply.data()).containsExactly(0x22, 0x22, 0x22, 0x22); // the subscriber's own
        link.clock.now += 4_000_000;
        link.lns.receive(link.peerSink.out.poll(), link.clock.now);

        PppStats stats = link.lns.stats();
        assertThat(stats.echoRequestsSent()).isEqualTo(before.echoRequestsSent() + 1);
        assertThat(stats.echoRepliesReceived()).isEqualTo(before.echoRepliesReceived() + 1);
        assertThat(stats.lastEchoRoundTrip()).hasValue(4_000_000);
        assertThat(link.lnsSink.down).isNull();
    }
}
