package io.lns.ppp.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.lcp.AuthProtocol;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProxyValuesTest {
    static final HexFormat HEX = HexFormat.of();

    @Test
    void forSubscriberBuildsTheThreeConfigureRequests() {
        ProxyLcp p = ProxyLcp.forSubscriber(1492, 0x22222222, 1460, AuthProtocol.CHAP_MD5, 0x11111111);
        assertThat(HEX.formatHex(p.lastReceived())).isEqualTo("010405d4" + "050622222222");
        assertThat(p.initialReceived()).isEqualTo(p.lastReceived());
        assertThat(HEX.formatHex(p.lastSent())).isEqualTo("010405b4" + "0305c22305" + "050611111111");

        ProxyLcp bare = ProxyLcp.forSubscriber(null, 0, null, null, 0);
        assertThat(bare.lastSent()).isEmpty();
        assertThat(bare.lastReceived()).isEmpty();
        assertThatThrownBy(() -> ProxyLcp.forSubscriber(null, 7, null, null, 7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proxyLcpCopiesItsArrays() {
        byte[] sent = {1, 4, 5, (byte) 0xdc};
        ProxyLcp p = new ProxyLcp(null, sent, null);
        sent[0] = 9;
        p.lastSent()[1] = 9;
        assertThat(HEX.formatHex(p.lastSent())).isEqualTo("010405dc");
        assertThat(p.initialReceived()).isEmpty();
        assertThat(p).isEqualTo(new ProxyLcp(new byte[0], HEX.parseHex("010405dc"), new byte[0]));
    }

    @Test
    void papProxyBecomesAPapRequestAndNeverShowsThePassword() {
        ProxyAuth pap = ProxyAuth.pap("alice", "hunter2");
        assertThat(pap.toString()).doesNotContain("hunter2").contains("alice");
        AuthRequest req = pap.asRequestFor(AuthProtocol.PAP).orElseThrow();
        assertThat(req).isEqualTo(new AuthRequest.PapRequest("alice", "hunter2".getBytes(StandardCharsets.UTF_8)));
        assertThat(pap.asRequestFor(AuthProtocol.CHAP_MD5)).isEmpty();
        ProxyAuth textual = new ProxyAuth(ProxyAuthType.TEXTUAL, "bob", null, 0, "pw".getBytes());
        assertThat(textual.asRequestFor(AuthProtocol.PAP)).isPresent();
    }

    @Test
    void chapProxyComputesTheMd5ResponseAndBecomesAChapRequest() {
        byte[] challenge = HEX.parseHex("0102030405060708090a0b0c0d0e0f10");
        ProxyAuth chap = ProxyAuth.chap(9, challenge, "alice", "secret1");
        assertThat(chap.response())
                .isEqualTo(Chap.md5Response(9, "secret1".getBytes(StandardCharsets.UTF_8), challenge));
        AuthRequest.ChapRequest req = (AuthRequest.ChapRequest)
                chap.asRequestFor(AuthProtocol.CHAP_MD5).orElseThrow();
        assertThat(req.id()).isEqualTo(9);
        assertThat(req.challenge()).isEqualTo(challenge);
        assertThat(Chap.verifyMd5Response(9, "secret1".getBytes(StandardCharsets.UTF_8), challenge, req.response()))
                .isTrue();
        assertThat(chap.asRequestFor(AuthProtocol.PAP)).isEmpty();
        assertThat(chap.asRequestFor(AuthProtocol.MSCHAP_V2)).isEmpty();
        ProxyAuth shortResponse = new ProxyAuth(ProxyAuthType.CHAP, "alice", challenge, 9, new byte[8]);
        assertThat(shortResponse.asRequestFor(AuthProtocol.CHAP_MD5)).isEmpty();
        assertThat(ProxyAuth.none().asRequestFor(AuthProtocol.PAP)).isEmpty();
    }

    @Test
    void proxyAuthenTypesMapToTheirCodes() {
        assertThat(ProxyAuthType.fromCode(2)).contains(ProxyAuthType.CHAP);
        assertThat(ProxyAuthType.fromCode(3)).contains(ProxyAuthType.PAP);
        assertThat(ProxyAuthType.fromCode(5)).contains(ProxyAuthType.MSCHAP_V1);
        assertThat(ProxyAuthType.fromCode(0)).isEmpty();
        assertThat(ProxyAuthType.fromCode(6)).isEmpty();
        assertThatThrownBy(() -> new ProxyAuth(ProxyAuthType.CHAP, "a", null, 256, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outcomesHaveMetricLabels() {
        assertThat(ProxyOutcome.NOT_OFFERED.label()).isEqualTo("not_offered");
        assertThat(new ProxyOutcome.Accepted(true).label()).isEqualTo("accepted");
        assertThat(ProxyOutcome.RENEGOTIATED_BY_POLICY.label()).isEqualTo("renegotiated_policy");
        assertThat(new ProxyOutcome.RenegotiatedUnacceptable("x").label()).isEqualTo("renegotiated_unacceptable");
    }
}
