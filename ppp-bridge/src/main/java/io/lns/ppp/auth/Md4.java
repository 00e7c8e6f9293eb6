package io.lns.ppp.auth;

/**
 * MD4 (RFC 1320), one-shot. Needed only for the MS-CHAP NT password hash; the JDK ships no MD4
 * provider. Not for any other use: MD4 is broken.
 */
public final class Md4 {
    private static final int[] ROUND2_ORDER = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
    private static final int[] ROUND3_ORDER = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    private static final int[] ROUND1_SHIFT = {3, 7, 11, 19};
    private static final int[] ROUND2_SHIFT = {3, 5, 9, 13};
    private static final int[] ROUND3_SHIFT = {3, 9, 11, 15};

    private Md4() {}

    /** The 16-octet MD4 digest of {@code message}. */
    public static byte[] digest(byte[] message) {
        // Pad: 0x80, zeros to 56 mod 64, then the bit length as 64-bit little-endian.
        int padded = ((message.length + 8) / 64 + 1) * 64;
        byte[] m = new byte[padded];
        System.arraycopy(message, 0, m, 0, message.length);
        m[message.length] = (byte) 0x80;
        long bits = (long) message.length * 8;
        for (int i = 0; i < 8; i++) {
            m[padded - 8 + i] = (byte) (bits >>> (8 * i));
        }

        int[] state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = le32(m, block + 4 * i);
            }
            // v = {a, b, c, d}. Each step updates a, d, c, b in turn; rotate roles instead of unrolling.
            int[] v = state.clone();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 16; i++) {
                    int ia = (4 - i % 4) % 4; // a, d, c, b
                    int ib = (ia + 1) % 4, ic = (ia + 2) % 4, id = (ia + 3) % 4;
                    int f;
                    int k;
                    int s;
                    int add;
                    switch (round) {
                        case 0 -> {
                            f = (v[ib] & v[ic]) | (~v[ib] & v[id]);
                            k = i;
                            s = ROUND1_SHIFT[i % 4];
                            add = 0;
                        }
                        case 1 -> {
                            f = (v[ib] & v[ic]) | (v[ib] & v[id]) | (v[ic] & v[id]);
                            k = ROUND2_ORDER[i];
                            s = ROUND2_SHIFT[i % 4];
                            add = 0x5A827999;
                        }
                        default -> {
                            f = v[ib] ^ v[ic] ^ v[id];
                            k = ROUND3_ORDER[i];
                            s = ROUND3_SHIFT[i % 4];
                            add = 0x6ED9EBA1;
                        }
                    }
                    v[ia] = Integer.rotateLeft(v[ia] + f + x[k] + add, s);
                }
            }
            state[0] += v[0];
            state[1] += v[1];
            state[2] += v[2];
            state[3] += v[3];
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                out[4 * i + j] = (byte) (state[i] >>> (8 * j));
            }
        }
        return out;
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }
}
