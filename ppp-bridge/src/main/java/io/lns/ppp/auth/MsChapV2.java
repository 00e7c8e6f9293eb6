package io.lns.ppp.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * MS-CHAPv2 (RFC 2759, CHAP algorithm 0x81) and the MPPE key derivation built on it (RFC 3079
 * §3.4). Packets travel in ordinary {@link Chap} packets: the Challenge value is 16 octets, the
 * Response value is the 49-octet {@link ResponseValue}, Success and Failure messages are built by
 * {@link #successMessage} and {@link #failureMessage}.
 *
 * <p>User names passed here are the name as used in the hash: RFC 2759 §4 says any domain prefix
 * ("DOMAIN\\user") is excluded; callers strip it (see {@link #stripDomain}).
 */
public final class MsChapV2 {
    public static final int ALGORITHM = 0x81;
    public static final int CHALLENGE_LENGTH = 16;
    public static final int NT_RESPONSE_LENGTH = 24;
    public static final int MPPE_KEY_LENGTH = 16;

    /** E=691: authentication failure (RFC 2759 §6). */
    public static final int ERROR_AUTHENTICATION_FAILURE = 691;

    private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();

    private static final byte[] AUTH_MAGIC1 = ascii("Magic server to client signing constant");
    private static final byte[] AUTH_MAGIC2 = ascii("Pad to make it do more than one iteration");
    private static final byte[] MASTER_MAGIC = ascii("This is the MPPE Master Key");
    private static final byte[] KEY_MAGIC2 =
            ascii("On the client side, this is the send key; on the server side, it is the receive key.");
    private static final byte[] KEY_MAGIC3 =
            ascii("On the client side, this is the receive key; on the server side, it is the send key.");
    private static final byte[] SHS_PAD1 = new byte[40];
    private static final byte[] SHS_PAD2 = filled(40, (byte) 0xF2);

    private MsChapV2() {}

    // ---------------------------------------------------------------- RFC 2759 §8 algorithms

    /** NtPasswordHash: MD4 of the password in UTF-16LE (16 octets). */
    public static byte[] ntPasswordHash(String password) {
        return Md4.digest(password.getBytes(StandardCharsets.UTF_16LE));
    }

    /** HashNtPasswordHash: MD4 of the NT password hash (16 octets). */
    public static byte[] hashNtPasswordHash(byte[] passwordHash) {
        return Md4.digest(passwordHash);
    }

    /** ChallengeHash: the first 8 octets of SHA-1(PeerChallenge || AuthenticatorChallenge || UserName). */
    public static byte[] challengeHash(byte[] peerChallenge, byte[] authenticatorChallenge, String userName) {
        checkLength(peerChallenge, CHALLENGE_LENGTH, "peer challenge");
        checkLength(authenticatorChallenge, CHALLENGE_LENGTH, "authenticator challenge");
        MessageDigest sha = Chap.digest("SHA-1");
        sha.update(peerChallenge);
        sha.update(authenticatorChallenge);
        sha.update(userName.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(sha.digest(), 8);
    }

    /** ChallengeResponse: the 8-octet challenge DES-encrypted under three 7-octet slices of the zero-padded hash. */
    public static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
        checkLength(challenge, 8, "challenge");
        checkLength(passwordHash, 16, "password hash");
        byte[] z = Arrays.copyOf(passwordHash, 21);
        byte[] out = new byte[NT_RESPONSE_LENGTH];
        for (int i = 0; i < 3; i++) {
            byte[] block = desEncrypt(challenge, Arrays.copyOfRange(z, 7 * i, 7 * i + 7));
            System.arraycopy(block, 0, out, 8 * i, 8);
        }
        return out;
    }

    /** GenerateNTResponse (24 octets) from the clear-text password. */
    public static byte[] generateNtResponse(
            byte[] authenticatorChallenge, byte[] peerChallenge, String userName, String password) {
        return generateNtResponseFromHash(authenticatorChallenge, peerChallenge, userName, ntPasswordHash(password));
    }

    /** GenerateNTResponse from a stored NT password hash. */
    public static byte[] generateNtResponseFromHash(
            byte[] authenticatorChallenge, byte[] peerChallenge, String userName, byte[] passwordHash) {
        return challengeResponse(challengeHash(peerChallenge, authenticatorChallenge, userName), passwordHash);
    }

    /** Authenticator side: checks a peer's NT-Response in constant time. */
    public static boolean verifyNtResponse(
            byte[] authenticatorChallenge,
            byte[] peerChallenge,
            String userName,
            byte[] passwordHash,
            byte[] ntResponse) {
        byte[] expected = generateNtResponseFromHash(authenticatorChallenge, peerChallenge, userName, passwordHash);
        return MessageDigest.isEqual(expected, ntResponse);
    }

    /** GenerateAuthenticatorResponse: "S=" followed by 40 upper-case hex digits. */
    public static String generateAuthenticatorResponse(
            String password, byte[] ntResponse, byte[] peerChallenge, byte[] authenticatorChallenge, String userName) {
        return generateAuthenticatorResponseFromHash(
                ntPasswordHash(password), ntResponse, peerChallenge, authenticatorChallenge, userName);
    }

    /** GenerateAuthenticatorResponse from a stored NT password hash. */
    public static String generateAuthenticatorResponseFromHash(
            byte[] passwordHash,
            byte[] ntResponse,
            byte[] peerChallenge,
            byte[] authenticatorChallenge,
            String userName) {
        checkLength(ntResponse, NT_RESPONSE_LENGTH, "NT-Response");
        MessageDigest sha = Chap.digest("SHA-1");
        sha.update(hashNtPasswordHash(passwordHash));
        sha.update(ntResponse);
        sha.update(AUTH_MAGIC1);
        byte[] digest = sha.digest();
        sha.update(digest);
        sha.update(challengeHash(peerChallenge, authenticatorChallenge, userName));
        sha.update(AUTH_MAGIC2);
        return "S=" + HEX_UPPER.formatHex(sha.digest());
    }

    /** Peer side: checks the authenticator's "S=..." string (hex case-insensitive) in constant time. */
    public static boolean verifyAuthenticatorResponse(String expected, String received) {
        return MessageDigest.isEqual(
                expected.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                received.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Drops a "DOMAIN\" prefix, per RFC 2759 §4's rule for the name used in ChallengeHash. */
    public static String stripDomain(String userName) {
        int i = userName.lastIndexOf('\\');
        return i < 0 ? userName : userName.substring(i + 1);
    }

    // ---------------------------------------------------------------- RFC 3079 §3.4 key derivation

    /** GetMasterKey: the first 16 octets of SHA-1(PasswordHashHash || NT-Response || Magic1). */
    public static byte[] masterKey(byte[] passwordHashHash, byte[] ntResponse) {
        checkLength(passwordHashHash, 16, "password hash hash");
        checkLength(ntResponse, NT_RESPONSE_LENGTH, "NT-Response");
        MessageDigest sha = Chap.digest("SHA-1");
        sha.update(passwordHashHash);
        sha.update(ntResponse);
        sha.update(MASTER_MAGIC);
        return Arrays.copyOf(sha.digest(), 16);
    }

    /**
     * GetAsymmetricStartKey for 128-bit keys (16 octets). The server's send key equals the client's
     * receive key and vice versa.
     *
     * @param isSend the key for traffic this side sends (else receives)
     * @param isServer this side is the authenticator (the LNS)
     */
    public static byte[] asymmetricStartKey(byte[] masterKey, boolean isSend, boolean isServer) {
        checkLength(masterKey, 16, "master key");
        byte[] magic = (isSend == isServer) ? KEY_MAGIC3 : KEY_MAGIC2;
        MessageDigest sha = Chap.digest("SHA-1");
        sha.update(masterKey);
        sha.update(SHS_PAD1);
        sha.update(magic);
        sha.update(SHS_PAD2);
        return Arrays.copyOf(sha.digest(), MPPE_KEY_LENGTH);
    }

    // ---------------------------------------------------------------- packet contents

    /**
     * The 49-octet Response value (RFC 2759 §4): Peer-Challenge (16), Reserved (8, zero),
     * NT-Response (24), Flags (1, zero).
     */
    public record ResponseValue(byte[] peerChallenge, byte[] ntResponse, int flags) {
        public static final int LENGTH = 49;

        public ResponseValue {
            checkLength(peerChallenge, CHALLENGE_LENGTH, "peer challenge");
            checkLength(ntResponse, NT_RESPONSE_LENGTH, "NT-Response");
            if (flags < 0 || flags > 0xFF) {
                throw new IllegalArgumentException("flags out of range: " + flags);
            }
            peerChallenge = peerChallenge.clone();
            ntResponse = ntResponse.clone();
        }

        @Override
        public byte[] peerChallenge() {
            return peerChallenge.clone();
        }

        @Override
        public byte[] ntResponse() {
            return ntResponse.clone();
        }

        public byte[] encode() {
            byte[] v = new byte[LENGTH];
            System.arraycopy(peerChallenge, 0, v, 0, 16);
            System.arraycopy(ntResponse, 0, v, 24, 24);
            v[48] = (byte) flags;
            return v;
        }

        /**
         * Parses a CHAP Response value. Non-zero Reserved octets are tolerated (RFC 2759 says they
         * must be zero when sent, not that the receiver rejects them).
         *
         * @throws AuthDecodeException if the value is not 49 octets
         */
        public static ResponseValue decode(byte[] value) {
            if (value.length != LENGTH) {
                throw new AuthDecodeException("MS-CHAPv2 Response value is " + value.length + " octets, want 49");
            }
            return new ResponseValue(
                    Arrays.copyOfRange(value, 0, 16), Arrays.copyOfRange(value, 24, 48), value[48] & 0xFF);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ResponseValue r
                    && r.flags == flags
                    && Arrays.equals(r.peerChallenge, peerChallenge)
                    && Arrays.equals(r.ntResponse, ntResponse);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * flags + Arrays.hashCode(peerChallenge)) + Arrays.hashCode(ntResponse);
        }

        @Override
        public String toString() {
            return "ResponseValue[peerChallenge=" + HEX_UPPER.formatHex(peerChallenge) + ", ntResponse="
                    + HEX_UPPER.formatHex(ntResponse) + ", flags=" + flags + "]";
        }
    }

    /** The Success message: {@code "S=<40 hex> M=<message>"} (RFC 2759 §5). */
    public static String successMessage(String authenticatorResponse, String message) {
        if (!authenticatorResponse.startsWith("S=") || authenticatorResponse.length() != 42) {
            throw new IllegalArgumentException("not an authenticator response: " + authenticatorResponse);
        }
        return authenticatorResponse + " M=" + message;
    }

    /**
     * Extracts the "S=<40 hex>" authenticator response from a Success message.
     *
     * @throws AuthDecodeException if the message does not start with one
     */
    public static String parseSuccessMessage(String message) {
        if (message.length() < 42 || !message.startsWith("S=")) {
            throw new AuthDecodeException("MS-CHAPv2 Success message lacks S=: " + message);
        }
        String s = message.substring(0, 42);
        try {
            HexFormat.of().parseHex(s, 2, 42);
        } catch (IllegalArgumentException e) {
            throw new AuthDecodeException("MS-CHAPv2 Success S= is not 40 hex digits: " + s);
        }
        if (message.length() > 42 && message.charAt(42) != ' ') {
            throw new AuthDecodeException("MS-CHAPv2 Success S= is not 40 hex digits: " + message);
        }
        return s;
    }

    /**
     * The Failure message: {@code "E=<error> R=<0|1> C=<32 hex> V=3 M=<message>"} (RFC 2759 §6).
     *
     * @param challenge the 16-octet challenge for a retry (sent even when retry is not allowed)
     */
    public static String failureMessage(int error, boolean retry, byte[] challenge, String message) {
        checkLength(challenge, CHALLENGE_LENGTH, "challenge");
        return "E=" + error + " R=" + (retry ? 1 : 0) + " C=" + HEX_UPPER.formatHex(challenge) + " V=3 M=" + message;
    }

    /** A parsed Failure message; absent fields are -1, false, null and "". */
    public record FailureMessage(int error, boolean retry, byte[] challenge, int version, String message) {}

    /**
     * Parses a Failure message leniently: fields in any order, "M=" swallowing the rest.
     *
     * @throws AuthDecodeException if E= is missing or a field is malformed
     */
    public static FailureMessage parseFailureMessage(String text) {
        int error = -1;
        boolean retry = false;
        byte[] challenge = null;
        int version = -1;
        String message = "";
        int pos = 0;
        while (pos < text.length()) {
            if (text.charAt(pos) == ' ') {
                pos++;
                continue;
            }
            if (text.startsWith("M=", pos)) {
                message = text.substring(pos + 2);
                break;
            }
            int end = text.indexOf(' ', pos);
            if (end < 0) {
                end = text.length();
            }
            String field = text.substring(pos, end);
            pos = end;
            if (field.length() < 2 || field.charAt(1) != '=') {
                continue; // unknown token; ignore
            }
            String value = field.substring(2);
            try {
                switch (field.charAt(0)) {
                    case 'E' -> error = Integer.parseInt(value);
                    case 'R' -> retry = "1".equals(value);
                    case 'C' -> {
                        challenge = HexFormat.of().parseHex(value);
                        checkLength(challenge, CHALLENGE_LENGTH, "C=");
                    }
                    case 'V' -> version = Integer.parseInt(value);
                    default -> {}
                }
            } catch (IllegalArgumentException e) {
                throw new AuthDecodeException("MS-CHAPv2 Failure field malformed: " + field);
            }
        }
        if (error < 0) {
            throw new AuthDecodeException("MS-CHAPv2 Failure message lacks E=: " + text);
        }
        return new FailureMessage(error, retry, challenge, version, message);
    }

    // ---------------------------------------------------------------- helpers

    /** DES-ECB of one block under a 7-octet key expanded to 8 octets with odd parity. */
    static byte[] desEncrypt(byte[] block, byte[] key7) {
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(expandDesKey(key7), "DES"));
            return des.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES unavailable", e);
        }
    }

    /** Spreads 56 key bits over 8 octets, 7 bits each in the high bits, with an odd-parity low bit. */
    static byte[] expandDesKey(byte[] key7) {
        checkLength(key7, 7, "DES key");
        long bits = 0;
        for (byte b : key7) {
            bits = (bits << 8) | (b & 0xFF);
        }
        byte[] key8 = new byte[8];
        for (int i = 0; i < 8; i++) {
            int seven = (int) (bits >>> (49 - 7 * i)) & 0x7F;
            int b = seven << 1;
            key8[i] = (byte) (b | ((Integer.bitCount(b) & 1) == 0 ? 1 : 0));
        }
        return key8;
    }

    private static void checkLength(byte[] b, int want, String what) {
        if (b.length != want) {
            throw new IllegalArgumentException(what + " must be " + want + " octets, got " + b.length);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int n, byte v) {
        byte[] b = new byte[n];
        Arrays.fill(b, v);
        return b;
    }
}
