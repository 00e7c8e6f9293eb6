package io.lns.server.capture;

/** Unsigned big/little-endian field access. Callers check bounds first. */
final class Bytes {
    private Bytes() {}

    static int u8(byte[] b, int i) {
        return b[i] & 0xff;
    }

    static int u16(byte[] b, int i, boolean bigEndian) {
        return bigEndian ? (u8(b, i) << 8) | u8(b, i + 1) : (u8(b, i + 1) << 8) | u8(b, i);
    }

    static int u16be(byte[] b, int i) {
        return u16(b, i, true);
    }

    static int i32(byte[] b, int i, boolean bigEndian) {
        return bigEndian
                ? (u8(b, i) << 24) | (u8(b, i + 1) << 16) | (u8(b, i + 2) << 8) | u8(b, i + 3)
                : (u8(b, i + 3) << 24) | (u8(b, i + 2) << 16) | (u8(b, i + 1) << 8) | u8(b, i);
    }

    static long u32(byte[] b, int i, boolean bigEndian) {
        return i32(b, i, bigEndian) & 0xffffffffL;
    }

    static long i64(byte[] b, int i, boolean bigEndian) {
        long first = u32(b, i, bigEndian);
        long second = u32(b, i + 4, bigEndian);
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }
}
