package io.lns.l2tp.hidden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HiddenAvpCipherTest {
    private static final byte[] SECRET = "tunnel-secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RV = {0x5a, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void hidesExactlyAsSection43Describes() throws Exception {
        // Assigned Tunnel ID (type 9) = 0x1234, hidden: subformat = 0x0002 | 12 34 | padding.
        byte[] value = {0x12, 0x34};
        Random padding = new Random(42);
        byte[] hidden = HiddenAvpCipher.hide(9, SECRET, RV, value, padding);

        // Recompute by hand: b1 = MD5(type(2) + secret + RV); c1 = p1 xor b1 (one block here).
        assertThat(hidden).hasSize(16);
        byte[] pad = new byte[12];
        new Random(42).nextBytes(pad);
        byte[] p1 = new byte[16];
        p1[1] = 2;
        p1[2] = 0x12;
        p1[3] = 0x34;
        System.arraycopy(pad, 0, p1, 4, 12);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(new byte[] {0, 9});
        md5.update(SECRET);
        md5.update(RV);
        byte[] b1 = md5.digest();
        byte[] expected = new byte[16];
        for (int i = 0; i < 16; i++) expected[i] = (byte) (p1[i] ^ b1[i]);
        assertThat(hidden).isEqualTo(expected);
    }

    @Test
    void chainsBlocksThroughTheCiphertext() throws Exception {
        // 40-octet value: subformat 42 octets, padded to 48: three blocks.
        byte[] value = new byte[40];
        for (int i = 0; i < value.length; i++) value[i] = (byte) i;
        byte[] hidden = HiddenAvpCipher.hide(7, SECRET, RV, value, new Random(1));
        assertThat(hidden).hasSize(48);

        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(new byte[] {0, 7});
        md5.update(SECRET);
        md5.update(RV);
        byte[] b = md5.digest();
        byte[] plain = new byte[48];
        for (int block = 0; block < 3; block++) {
            for (int i = 0; i < 16; i++) plain[block * 16 + i] = (byte) (hidden[block * 16 + i] ^ b[i]);
            md5.update(SECRET);
            md5.update(hidden, block * 16, 16);
            b = md5.digest();
        }
        assertThat(plain[0]).isZero();
        assertThat(plain[1]).isEqualTo((byte) 40);
        for (int i = 0; i < 40; i++) assertThat(plain[2 + i]).isEqualTo((byte) i);
    }

    @Test
    void revealsWhatItHid() {
        byte[] value = "lns.example.net".getBytes(StandardCharsets.US_ASCII);
        byte[] hidden = HiddenAvpCipher.hide(7, SECRET, RV, value, new Random(3));
        assertThat(HiddenAvpCipher.reveal(7, SECRET, RV, hidden))
                .isInstanceOfSatisfying(
                        HiddenAvpCipher.Revealed.Value.class,
                        v -> assertThat(v.original()).isEqualTo(value));
    }

    @Test
    void revealsAValueWhoseLastBlockIsShort() {
        // A peer may pad less than a whole block; §4.3 XORs only the octets present.
        byte[] value = {1, 2, 3, 4, 5};
        byte[] full = HiddenAvpCipher.hide(9, SECRET, RV, value, new Random(4));
        byte[] shortened = java.util.Arrays.copyOf(full, 7);
        assertThat(HiddenAvpCipher.reveal(9, SECRET, RV, shortened))
                .isInstanceOfSatisfying(
                        HiddenAvpCipher.Revealed.Value.class,
                        v -> assertThat(v.original()).isEqualTo(value));
    }

    @Test
    void reportsAWrongSecretInsteadOfGarbage() {
        byte[] value = {0x12, 0x34};
        int inconsistent = 0;
        for (int seed = 0; seed < 200; seed++) {
            byte[] hidden = HiddenAvpCipher.hide(9, SECRET, RV, value, new Random(seed));
            byte[] wrong = ("wrong-" + seed).getBytes(StandardCharsets.US_ASCII);
            if (HiddenAvpCipher.reveal(9, wrong, RV, hidden) instanceof HiddenAvpCipher.Revealed.Inconsistent) {
                inconsistent++;
            }
        }
        // A random 16-bit length fits in 14 octets with probability 15/65536.
        assertThat(inconsistent).isGreaterThanOrEqualTo(198);
    }

    @Test
    void theAttributeTypeIsPartOfTheKey() {
        byte[] value = {0x12, 0x34};
        byte[] hidden = HiddenAvpCipher.hide(9, SECRET, RV, value, new Random(5));
        assertThat(HiddenAvpCipher.reveal(14, SECRET, RV, hidden))
                .isInstanceOf(HiddenAvpCipher.Revealed.Inconsistent.class);
    }

    /**
     * An SCCRP our LNS sent to xl2tpd 1.3.18 (captured): the hidden Assigned Tunnel ID 29317. xl2tpd
     * logged "decrypt_avp: Decrypted length is too long (56487 > 20)" for it: 56487 is the 6-octet
     * header plus the length it revealed with an empty secret and the attribute type in network
     * order, because it parses an SCCRP before it loads its secret (aaa.c decrypt_avp, chal_us).
     */
    @Test
    void xl2tpdRevealsAnSccrpWithAnEmptySecret() {
        byte[] rv = HexFormat.of().parseHex("07cab70cee3806f3f8908aefd1bb8693");
        byte[] hidden = HexFormat.of().parseHex("f335c353ffda638fc569c24279c59565");
        byte[] secret = "interop-secret".getBytes(StandardCharsets.US_ASCII);
        assertThat(HiddenAvpCipher.reveal(9, secret, rv, hidden))
                .isInstanceOfSatisfying(
                        HiddenAvpCipher.Revealed.Value.class,
                        v -> assertThat(v.original()).containsExactly(0x72, 0x85));
        assertThat(HiddenAvpCipher.reveal(9, new byte[0], rv, hidden))
                .isInstanceOfSatisfying(
                        HiddenAvpCipher.Revealed.Inconsistent.class,
                        r -> assertThat(r.detail()).startsWith("revealed length " + (56487 - 6) + " "));
    }
}
