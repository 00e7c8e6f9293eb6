package io.lns.ppp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 2759 §9.2 sample data and RFC 3079 §3.5.3 (128-bit) sample key derivation. */
class MsChapV2Test {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String USER = "User";
    private static final String PASSWORD = "clientPass";
    private static final byte[] AUTH_CHALLENGE = HEX.parseHex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static final byte[] PEER_CHALLENGE = HEX.parseHex("21402324255E262A28295F2B3A337C7E");
    private static final byte[] NT_RESPONSE = HEX.parseHex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");

    @Test
    void rfc2759Vectors() {
        byte[] hash = MsChapV2.ntPasswordHash(PASSWORD);
        assertThat(HEX.formatHex(hash)).isEqualTo("44EBBA8D5312B8D611474411F56989AE");
        assertThat(HEX.formatHex(MsChapV2.hashNtPasswordHash(hash))).isEqualTo("41C00C584BD2D91C4017A2A12FA59F3F");
        assertThat(HEX.formatHex(MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, USER)))
                .isEqualTo("D02E4386BCE91226");
        assertThat(MsChapV2.generateNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, USER, PASSWORD))
                .isEqualTo(NT_RESPONSE);
        assertThat(MsChapV2.generateAuthenticatorResponse(PASSWORD, NT_RESPONSE, PEER_CHALLENGE, AUTH_CHALLENGE, USER))
                .isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
    }

    @Test
    void verifyNtResponse() {
        byte[] hash = MsChapV2.ntPasswordHash(PASSWORD);
        assertThat(MsChapV2.verifyNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, USER, hash, NT_RESPONSE))
                .isTrue();
        assertThat(MsChapV2.verifyNtResponse(AUTH_CHALLENGE, PEER_CHALLENGE, "user", hash, NT_RESPONSE))
                .isFalse();
        assertThat(MsChapV2.verifyNtResponse(
                        AUTH_CHALLENGE, PEER_CHALLENGE, USER, MsChapV2.ntPasswordHash("clientpass"), NT_RESPONSE))
                .isFalse();
        assertThat(MsChapV2.verifyAuthenticatorResponse(
                        "S=407A5589115FD0D6209F510FE9C04566932CDA56", "S=407a5589115fd0d6209f510fe9c04566932cda56"))
                .isTrue();
        assertThat(MsChapV2.verifyAuthenticatorResponse(
                        "S=407A5589115FD0D6209F510FE9C04566932CDA56", "S=407A5589115FD0D6209F510FE9C04566932CDA57"))
                .isFalse();
    }

    @Test
    void rfc3079MasterAndStartKeys() {
        byte[] hashHash = MsChapV2.hashNtPasswordHash(MsChapV2.ntPasswordHash(PASSWORD));
        byte[] master = MsChapV2.masterKey(hashHash, NT_RESPONSE);
        assertThat(HEX.formatHex(master)).isEqualTo("FDECE3717A8C838CB388E527AE3CDD31");
        // RFC 3079 §3.5.3 computes SendStartKey128 with IsSend = IsServer = TRUE.
        byte[] serverSend = MsChapV2.asymmetricStartKey(master, true, true);
        assertThat(HEX.formatHex(serverSend)).isEqualTo("8B7CDC149B993A1BA118CB153F56DCCB");
        assertThat(MsChapV2.asymmetricStartKey(master, false, false)).isEqualTo(serverSend);
        byte[] serverReceive = MsChapV2.asymmetricStartKey(master, false, true);
        assertThat(serverReceive).hasSize(16).isNotEqualTo(serverSend);
        assertThat(MsChapV2.asymmetricStartKey(master, true, false)).isEqualTo(serverReceive);
    }

    @Test
    void responseValueLayoutAndRoundTripThroughChap() {
        MsChapV2.ResponseValue rv = new MsChapV2.ResponseValue(PEER_CHALLENGE, NT_RESPONSE, 0);
        byte[] v = rv.encode();
        assertThat(v).hasSize(49);
        assertThat(HEX.formatHex(v))
                .isEqualTo("21402324255E262A28295F2B3A337C7E" + "0000000000000000"
                        + "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF" + "00");
        ByteBuf buf = Unpooled.buffer();
        new Chap.Response(9, v, USER.getBytes(StandardCharsets.UTF_8)).encode(buf);
        Chap.Response back = (Chap.Response) Chap.decode(buf);
        assertThat(MsChapV2.ResponseValue.decode(back.value())).isEqualTo(rv);
        assertThatThrownBy(() -> MsChapV2.ResponseValue.decode(new byte[48])).isInstanceOf(AuthDecodeException.class);
    }

    @Test
    void successMessage() {
        String msg = MsChapV2.successMessage("S=407A5589115FD0D6209F510FE9C04566932CDA56", "Welcome");
        assertThat(msg).isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56 M=Welcome");
        assertThat(MsChapV2.parseSuccessMessage(msg)).isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
        assertThat(MsChapV2.parseSuccessMessage("S=407A5589115FD0D6209F510FE9C04566932CDA56"))
                .isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
        assertThatThrownBy(() -> MsChapV2.parseSuccessMessage("S=407A")).isInstanceOf(AuthDecodeException.class);
        assertThatThrownBy(() -> MsChapV2.parseSuccessMessage("S=407A5589115FD0D6209F510FE9C04566932CDAZZ M=x"))
                .isInstanceOf(AuthDecodeException.class);
    }

    @Test
    void failureMessage() {
        String msg = MsChapV2.failureMessage(
                MsChapV2.ERROR_AUTHENTICATION_FAILURE, false, AUTH_CHALLENGE, "Authentication failed");
        assertThat(msg).isEqualTo("E=691 R=0 C=5B5D7C7D7B3F2F3E3C2C602132262628 V=3 M=Authentication failed");
        MsChapV2.FailureMessage f = MsChapV2.parseFailureMessage(msg);
        assertThat(f.error()).isEqualTo(691);
        assertThat(f.retry()).isFalse();
        assertThat(f.challenge()).isEqualTo(AUTH_CHALLENGE);
        assertThat(f.version()).isEqualTo(3);
        assertThat(f.message()).isEqualTo("Authentication failed");

        MsChapV2.FailureMessage bare = MsChapV2.parseFailureMessage("E=648 R=1");
        assertThat(bare.error()).isEqualTo(648);
        assertThat(bare.retry()).isTrue();
        assertThat(bare.challenge()).isNull();
        assertThatThrownBy(() -> MsChapV2.parseFailureMessage("R=0 M=x")).isInstanceOf(AuthDecodeException.class);
        assertThatThrownBy(() -> MsChapV2.parseFailureMessage("E=691 C=12")).isInstanceOf(AuthDecodeException.class);
    }

    @Test
    void desKeyExpansionSetsOddParity() {
        byte[] k = MsChapV2.expandDesKey(HEX.parseHex("FFFFFFFFFFFFFF"));
        assertThat(HEX.formatHex(k)).isEqualTo("FEFEFEFEFEFEFEFE"); // seven 1-bits are already odd
        k = MsChapV2.expandDesKey(new byte[7]);
        assertThat(HEX.formatHex(k)).isEqualTo("0101010101010101");
    }

    @Test
    void stripDomain() {
        assertThat(MsChapV2.stripDomain("CORP\\alice")).isEqualTo("alice");
        assertThat(MsChapV2.stripDomain("alice")).isEqualTo("alice");
    }
}
