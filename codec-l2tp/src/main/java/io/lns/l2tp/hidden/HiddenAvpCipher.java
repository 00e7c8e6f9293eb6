package io.lns.l2tp.hidden;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * AVP hiding (RFC 2661 §4.3). The value is wrapped in the Hidden AVP Subformat (2-octet original
 * length, original value, padding) and XORed with a keystream of chained MD5 blocks: b1 =
 * MD5(attribute type || secret || random vector), then b(i) = MD5(secret || c(i-1)) where c(i-1)
 * is the previous ciphertext block. A last block shorter than 16 octets uses a prefix of its key.
 */
public final class HiddenAvpCipher {
    private static final int BLOCK = 16;
    /** Largest value an AVP carries: 10-bit length minus the 6-octet header. */
    public static final int MAX_HIDDEN_VALUE = 1023 - 6;

    private HiddenAvpCipher() {}

    /** Outcome of revealing a hidden value: the original octets, or why they cannot be trusted. */
    public sealed interface Revealed permits Revealed.Value, Revealed.Inconsistent {
        record Value(byte[] original) implements Revealed {}

        record Inconsistent(String detail) implements Revealed {}
    }

    /**
     * Reveals a hidden value. A secret other than the sender's yields a random original length,
     * which almost always exceeds what the AVP holds: that is reported as {@link
     * Revealed.Inconsistent}, not passed on as garbage.
     */
    public static Revealed reveal(int attributeType, byte[] secret, byte[] randomVector, byte[] hidden) {
        if (hidden.length < 2) {
            return new Revealed.Inconsistent("hidden value of " + hidden.length + " octets has no room for its length");
        }
        byte[] plain = xorStream(attributeType, secret, randomVector, hidden, false);
        int originalLength = ((plain[0] & 0xFF) << 8) | (plain[1] & 0xFF);
        if (originalLength > plain.length - 2) {
            return new Revealed.Inconsistent("revealed length " + originalLength + " exceeds the " + (plain.length - 2)
                    + " octets present (wrong tunnel secret?)");
        }
        byte[] original = new byte[originalLength];
        System.arraycopy(plain, 2, original, 0, originalLength);
        return new Revealed.Value(original);
    }

    /**
     * Hides {@code value}: subformat padded with random octets to a 16-octet boundary (peers such as
     * l2tpns refuse very short hidden values), then encrypted.
     */
    public static byte[] hide(int attributeType, byte[] secret, byte[] randomVector, byte[] value, Random padding) {
        int subformat = 2 + value.length;
        if (subformat > MAX_HIDDEN_VALUE) {
            throw new IllegalArgumentException("value of " + value.length + " octets is too long to hide");
        }
        int padded = Math.min(MAX_HIDDEN_VALUE, (subformat + BLOCK - 1) / BLOCK * BLOCK);
        byte[] plain = new byte[padded];
        plain[0] = (byte) (value.length >>> 8);
        plain[1] = (byte) value.length;
        System.arraycopy(value, 0, plain, 2, value.length);
        byte[] pad = new byte[padded - subformat];
        padding.nextBytes(pad);
        System.arraycopy(pad, 0, plain, subformat, pad.length);
        return xorStream(attributeType, secret, randomVector, plain, true);
    }

    /**
     * XORs {@code in} with the keystream. The chaining input is always the ciphertext block: the
     * output when encrypting, the input when decrypting.
     */
    private static byte[] xorStream(int attributeType, byte[] secret, byte[] randomVector, byte[] in, boolean encrypt) {
        MessageDigest md5 = md5();
        byte[] out = new byte[in.length];
        md5.update((byte) (attributeType >>> 8));
        md5.update((byte) attributeType);
        md5.update(secret);
        md5.update(randomVector);
        byte[] key = md5.digest();
        for (int off = 0; off < in.length; off += BLOCK) {
            int n = Math.min(BLOCK, in.length - off);
            for (int i = 0; i < n; i++) out[off + i] = (byte) (in[off + i] ^ key[i]);
            if (off + BLOCK < in.length) {
                byte[] cipherBlock = encrypt ? out : in;
                md5.update(secret);
                md5.update(cipherBlock, off, BLOCK);
                key = md5.digest();
            }
        }
        return out;
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
