package io.lns.server.aaa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.auth.Chap;
import io.lns.server.pool.Ipv4;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class LocalAuthenticatorTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    // RFC 2759 §9.2
    private static final byte[] AUTH_CHALLENGE = HEX.parseHex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static final byte[] PEER_CHALLENGE = HEX.parseHex("21402324255E262A28295F2B3A337C7E");
    private static final byte[] NT_RESPONSE = HEX.parseHex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");

    private static final String USERS = """
            users:
              User: {password: clientPass, address: 100.64.1.5}
              bob:  {password: secret2, pool: gold, ppp-profile: default}
            """;

    private final LocalAuthenticator auth = new LocalAuthenticator(parse());

    private static LocalUsers parse() {
        try {
            return LocalUsers.parse("users.yaml", USERS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static AuthResult now(CompletionStage<AuthResult> stage) {
        assertThat(stage.toCompletableFuture()).isDone();
        return stage.toCompletableFuture().join();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void papAcceptsTheRightPasswordOnly() {
        AuthResult ok = now(auth.authenticate(new AuthRequest.PapRequest("bob", utf8("secret2"))));
        assertThat(ok).isInstanceOf(AuthResult.Accepted.class);
        AuthResult.Accepted a = (AuthResult.Accepted) ok;
        assertThat(a.address()).isEmpty();
        assertThat(a.pool()).contains("gold");
        assertThat(a.pppProfile()).contains("default");
        assertThat(a.msChapV2()).isEmpty();

        assertThat(now(auth.authenticate(new AuthRequest.PapRequest("bob", utf8("secret3")))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        assertThat(now(auth.authenticate(new AuthRequest.PapRequest("bob", utf8("secret22")))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        assertThat(now(auth.authenticate(new AuthRequest.PapRequest("bob", new byte[0]))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        assertThat(now(auth.authenticate(new AuthRequest.PapRequest("Bob", utf8("secret2")))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.UNKNOWN_USER));
    }

    @Test
    void chapMd5() {
        byte[] challenge = HEX.parseHex("0102030405060708090A0B0C0D0E0F10");
        byte[] good = Chap.md5Response(7, utf8("secret2"), challenge);
        AuthResult ok = now(auth.authenticate(new AuthRequest.ChapRequest("bob", 7, challenge, good)));
        assertThat(ok.accepted()).isTrue();
        assertThat(((AuthResult.Accepted) ok).pool()).contains("gold");

        assertThat(now(auth.authenticate(new AuthRequest.ChapRequest("bob", 8, challenge, good))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        byte[] wrong = Chap.md5Response(7, utf8("secret1"), challenge);
        assertThat(now(auth.authenticate(new AuthRequest.ChapRequest("bob", 7, challenge, wrong))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        assertThat(now(auth.authenticate(new AuthRequest.ChapRequest("carol", 7, challenge, good))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.UNKNOWN_USER));
        assertThatThrownBy(() -> new AuthRequest.ChapRequest("bob", 256, challenge, good))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void msChapV2Rfc2759VectorWithMppeKeys() {
        AuthResult r = now(auth.authenticate(
                new AuthRequest.MsChapV2Request("User", AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE)));
        assertThat(r).isInstanceOf(AuthResult.Accepted.class);
        AuthResult.Accepted a = (AuthResult.Accepted) r;
        assertThat(a.address()).contains(Ipv4.parseAddress("100.64.1.5"));
        AuthResult.MsChapV2Success ms = a.msChapV2().orElseThrow();
        assertThat(ms.authenticatorResponse()).isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
        // RFC 3079 §3.5.3: the server's send key for this exchange.
        assertThat(HEX.formatHex(ms.mppeKeys().sendKey())).isEqualTo("8B7CDC149B993A1BA118CB153F56DCCB");
        assertThat(ms.mppeKeys().receiveKey())
                .hasSize(16)
                .isNotEqualTo(ms.mppeKeys().sendKey());
        assertThat(ms.mppeKeys().toString()).doesNotContain("8B7C").doesNotContain("8b7c");
        assertThat(a.toString()).doesNotContain("8B7CDC");
    }

    @Test
    void msChapV2DomainPrefixIsStripped() {
        AuthResult r = now(auth.authenticate(
                new AuthRequest.MsChapV2Request("CORP\\User", AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE)));
        assertThat(r.accepted()).isTrue();
    }

    @Test
    void msChapV2RejectsWrongResponsesAndUnknownUsers() {
        byte[] flipped = NT_RESPONSE.clone();
        flipped[23] ^= 1;
        assertThat(now(auth.authenticate(
                        new AuthRequest.MsChapV2Request("User", AUTH_CHALLENGE, PEER_CHALLENGE, flipped))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        byte[] otherPeer = PEER_CHALLENGE.clone();
        otherPeer[0] ^= 1;
        assertThat(now(auth.authenticate(
                        new AuthRequest.MsChapV2Request("User", AUTH_CHALLENGE, otherPeer, NT_RESPONSE))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        // bob exists but his password is not clientPass
        assertThat(now(auth.authenticate(
                        new AuthRequest.MsChapV2Request("bob", AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.WRONG_PASSWORD));
        assertThat(now(auth.authenticate(
                        new AuthRequest.MsChapV2Request("user", AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE))))
                .isEqualTo(new AuthResult.Rejected(LocalAuthenticator.UNKNOWN_USER));
        assertThatThrownBy(() -> new AuthRequest.MsChapV2Request("User", new byte[8], PEER_CHALLENGE, NT_RESPONSE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reloadSwapsUsers() throws Exception {
        auth.replaceUsers(LocalUsers.parse("u2.yaml", "users:\n  bob: {password: newpass}\n"));
        assertThat(now(auth.authenticate(new AuthRequest.PapRequest("bob", utf8("secret2"))))
                        .accepted())
                .isFalse();
        assertThat(now(auth.authenticate(new AuthRequest.PapRequest("bob", utf8("newpass"))))
                        .accepted())
                .isTrue();
    }

    @Test
    void requestsNeverShowCredentials() {
        assertThat(new AuthRequest.PapRequest("bob", utf8("secret2")).toString())
                .contains("bob")
                .doesNotContain("secret2");
        assertThat(auth.toString()).doesNotContain("secret2").doesNotContain("clientPass");
    }
}
