package io.lns.loadtest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenChallenge;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.loadtest.lac.Failure;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.lac.LacSession;
import io.lns.loadtest.lac.LacTunnel;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.proxy.ProxyAuthType;
import io.lns.ppp.proxy.ProxyOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Proxy LCP and authentication from the simulated LAC (RFC 2661 §4.4.5). */
class ProxyDialTest {
    private static final long MS = FakeLns.MS;

    private final FakeLns lns = new FakeLns();
    private final List<String> events = new ArrayList<>();
    private final List<SubscriberUp> ups = new ArrayList<>();

    private final SubscriberListener listener = new SubscriberListener() {
        @Override
        public void tunnelUp(LacTunnel t, long latency) {}

        @Override
        public void tunnelDown(LacTunnel t, Failure why, boolean wasUp) {}

        @Override
        public void callUp(LacSession s, long latency) {
            events.add("callUp " + s.localId());
        }

        @Override
        public void callFailed(LacSession s, Failure why) {
            events.add("callFailed " + s.localId() + " " + why.key());
        }

        @Override
        public void callDown(LacSession s, Failure why) {
            events.add("callDown " + s.localId());
        }

        @Override
        public void teardownDone(LacTunnel t, TeardownResult result) {}

        @Override
        public void subscriberUp(LacSession s, SubscriberUp up) {
            ups.add(up);
        }
    };

    private static SubscriberConfig config(AuthChoice auth) {
        return SubscriberConfig.defaults().toBuilder()
                .credentials("user%d", "pw")
                .auth(auth)
                .proxyLcp(true)
                .build();
    }

    private SubscriberTunnel run(AuthChoice auth, int calls) {
        SubscriberTunnel t = new SubscriberTunnel(7, LacConfig.defaults(), config(auth), lns, listener, new Random(3));
        lns.tunnel = t;
        t.start(lns.now);
        lns.runFor(100 * MS);
        for (int i = 1; i <= calls; i++) t.startCall(i, "c" + i, lns.now);
        lns.runFor(2000 * MS);
        return t;
    }

    private ControlMessage iccn(int session) {
        return lns.received.stream()
                .filter(m -> m.type().orElseThrow() == ControlMessageType.ICCN
                        && m.header().sessionId() == 1000 + session)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void papAndChapAreProxiedWholeAndNobodyNegotiatesLcpOrAuthenticationAgain() {
        run(AuthChoice.MIX, 2);

        assertThat(events).containsExactlyInAnyOrder("callUp 1", "callUp 2");
        ControlMessage pap = iccn(1);
        assertThat(pap.find(ProxyAuthenType.class)).contains(new ProxyAuthenType(ProxyAuthType.PAP.code()));
        assertThat(pap.find(ProxyAuthenName.class)).contains(new ProxyAuthenName("user1"));
        assertThat(pap.find(ProxyAuthenResponse.class).orElseThrow().response().toByteArray())
                .isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(pap.find(LastSentLcpConfReq.class)).isPresent();
        ControlMessage chap = iccn(2);
        assertThat(chap.find(ProxyAuthenType.class)).contains(new ProxyAuthenType(ProxyAuthType.CHAP.code()));
        assertThat(chap.find(ProxyAuthenChallenge.class)
                        .orElseThrow()
                        .challenge()
                        .length())
                .isEqualTo(16);
        assertThat(chap.find(ProxyAuthenResponse.class).orElseThrow().response().length())
                .isEqualTo(16);

        for (FakeLns.Call c : lns.byLnsSession.values()) {
            assertThat(c.proxyOutcome).isEqualTo(new ProxyOutcome.Accepted(true));
            assertThat(c.up).isNotNull();
            // no LCP Configure-Request and no authentication packet from the subscriber
            assertThat(c.frames).noneMatch(f -> f.protocol() == PppFrame.PAP || f.protocol() == PppFrame.CHAP);
            assertThat(c.frames)
                    .filteredOn(f -> f.protocol() == PppFrame.LCP)
                    .noneMatch(f -> ControlPacket.decode(f.information()).code() == ControlPacket.CONFIGURE_REQUEST);
        }
        assertThat(ups).allSatisfy(u -> {
            assertThat(u.lcpUp()).isLessThan(5 * MS);
            assertThat(u.authDone()).as("the LAC authenticated").isEqualTo(-1);
        });
    }

    @Test
    void msChapV2ProxiesLcpOnlyAndTheLnsAuthenticatesItself() {
        run(AuthChoice.MSCHAPV2, 1);

        assertThat(events).containsExactly("callUp 1");
        assertThat(iccn(1).find(ProxyAuthenType.class)).isEmpty();
        assertThat(iccn(1).find(LastSentLcpConfReq.class)).isPresent();
        FakeLns.Call c = lns.byLacSession.get(1);
        assertThat(c.proxyOutcome).isEqualTo(new ProxyOutcome.Accepted(false));
        assertThat(c.frames).anyMatch(f -> f.protocol() == PppFrame.CHAP);
        assertThat(ups.get(0).authMethod()).isEqualTo(AuthProtocol.MSCHAP_V2);
    }

    @Test
    void aWrongProxiedPasswordFailsAuthentication() {
        lns.password = "other";
        run(AuthChoice.CHAP, 1);
        lns.runFor(5000 * MS); // the LNS's Terminate-Request; our LCP stops after its restart timer
        assertThat(events).containsExactly("callFailed 1 PPP authentication: rejected by the LNS");
        assertThat(lns.byLnsSession).isEmpty(); // our CDN
    }

    @Test
    void theChapResponseAnswersTheChallengeAndHidingCoversNameChallengeAndResponse() {
        ProxyDial d = ProxyDial.forSubscriber(4, config(AuthChoice.CHAP), new SplittableRandom(9));
        var a = d.auth().orElseThrow();
        assertThat(a.type()).isEqualTo(ProxyAuthType.CHAP);
        assertThat(Chap.verifyMd5Response(a.id(), "pw".getBytes(StandardCharsets.UTF_8), a.challenge(), a.response()))
                .isTrue();
        assertThat(a.name()).isEqualTo("user4");
        assertThat(d.lcp().lastSent()).isNotEmpty();
        assertThat(d.lcp().initialReceived()).isEqualTo(d.lcp().lastReceived());

        List<Avp> hidden = d.iccnAvps(true);
        assertThat(hidden)
                .filteredOn(Avp::hidden)
                .extracting(avp -> avp.value().getClass().getSimpleName())
                .containsExactlyInAnyOrder("ProxyAuthenName", "ProxyAuthenChallenge", "ProxyAuthenResponse");
        assertThat(d.iccnAvps(false)).noneMatch(Avp::hidden);
        assertThat(d.toString()).doesNotContain("pw");
    }
}
