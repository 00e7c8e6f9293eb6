package io.lns.l2tp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.message.ControlMessageType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ChallengeResponseTest {
    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    @Test
    void sccrpResponseIsMd5OfTwoSecretAndChallenge() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update((byte) 2);
        md5.update(SECRET);
        md5.update(CHALLENGE);
        assertThat(ChallengeResponse.forSccrp(SECRET, CHALLENGE)).isEqualTo(md5.digest());
    }

    @Test
    void scccnResponseUsesThree() throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update((byte) 3);
        md5.update(SECRET);
        md5.update(CHALLENGE);
        assertThat(ChallengeResponse.forScccn(SECRET, CHALLENGE)).isEqualTo(md5.digest());
        assertThat(ChallengeResponse.forScccn(SECRET, CHALLENGE))
                .isNotEqualTo(ChallengeResponse.forSccrp(SECRET, CHALLENGE));
    }

    @Test
    void verifiesOnlyTheRightResponse() {
        byte[] good = ChallengeResponse.forSccrp(SECRET, CHALLENGE);
        assertThat(ChallengeResponse.verify(ControlMessageType.SCCRP, SECRET, CHALLENGE, good))
                .isTrue();
        assertThat(ChallengeResponse.verify(
                        ControlMessageType.SCCRP, "other".getBytes(StandardCharsets.US_ASCII), CHALLENGE, good))
                .isFalse();
    }
}
