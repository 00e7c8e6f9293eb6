package io.lns.l2tp.auth;

import io.lns.l2tp.message.ControlMessageType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Tunnel authentication (RFC 2661 §4.2, §5.1.1): the Challenge Response is MD5 over the Message
 * Type of the message that carries it (one octet: 2 for SCCRP, 3 for SCCCN), the shared secret and
 * the peer's Challenge, like CHAP (RFC 1994) with the message type as the identifier.
 */
public final class ChallengeResponse {
    private ChallengeResponse() {}

    /** The response to put in an SCCRP answering {@code challenge} from the peer's SCCRQ. */
    public static byte[] forSccrp(byte[] secret, byte[] challenge) {
        return compute(ControlMessageType.SCCRP, secret, challenge);
    }

    /** The response to put in an SCCCN answering {@code challenge} from the peer's SCCRP. */
    public static byte[] forScccn(byte[] secret, byte[] challenge) {
        return compute(ControlMessageType.SCCCN, secret, challenge);
    }

    public static byte[] compute(ControlMessageType carriedIn, byte[] secret, byte[] challenge) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
        md5.update((byte) carriedIn.code());
        md5.update(secret);
        md5.update(challenge);
        return md5.digest();
    }

    /** Constant-time check of a received response against the expected one. */
    public static boolean verify(ControlMessageType carriedIn, byte[] secret, byte[] challenge, byte[] response) {
        return MessageDigest.isEqual(compute(carriedIn, secret, challenge), response);
    }
}
