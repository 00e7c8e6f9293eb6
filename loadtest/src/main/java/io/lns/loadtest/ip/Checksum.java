package io.lns.loadtest.ip;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of the data
 * taken as 16-bit big-endian words, an odd last octet padded with zero. IPv4 headers, ICMP and UDP
 * (with its pseudo-header, RFC 768) all use it.
 */
public final class Checksum {
    private Checksum() {}

    /** The checksum of {@code length} octets of {@code data} from {@code offset}. */
    public static int of(byte[] data, int offset, int length) {
        return finish(add(0, data, offset, length));
    }

    /** Adds octets to a running sum; sums of any number of parts are folded by {@link #finish}. */
    static long add(long sum, byte[] data, int offset, int length) {
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) sum += ((data[i] & 0xFF) << 8) | (data[i + 1] & 0xFF);
        if (i < end) sum += (data[i] & 0xFF) << 8;
        return sum;
    }

    /** Adds one 16-bit word. */
    static long addWord(long sum, int word) {
        return sum + (word & 0xFFFF);
    }

    /** Folds the carries in and complements. */
    static int finish(long sum) {
        while ((sum >>> 16) != 0) sum = (sum & 0xFFFF) + (sum >>> 16);
        return (int) (~sum & 0xFFFF);
    }
}
