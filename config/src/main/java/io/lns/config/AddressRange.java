package io.lns.config;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * An inclusive range of IPv4 addresses in an address pool, written {@code 100.64.0.10-100.64.0.200}
 * or as a CIDR prefix ({@code 100.64.0.0/16}: every address in it).
 */
public record AddressRange(Inet4Address first, Inet4Address last) {

    public AddressRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (toLong(first) > toLong(last)) throw new IllegalArgumentException("the range ends before it starts");
    }

    /**
     * Parses {@code a.b.c.d-a.b.c.e}, {@code a.b.c.d/len} or a bare IPv4 address (a range of one).
     *
     * @throws IllegalArgumentException with the reason
     */
    public static AddressRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash >= 0) {
            Inet4Address a = v4(text.substring(0, dash).trim());
            Inet4Address b = v4(text.substring(dash + 1).trim());
            if (toLong(a) > toLong(b)) {
                throw new IllegalArgumentException("the range ends before it starts (write low-high)");
            }
            return new AddressRange(a, b);
        }
        IpPrefix p = IpPrefix.parse(text);
        if (!(p.network() instanceof Inet4Address net)) {
            throw new IllegalArgumentException("address pools are IPv4 only");
        }
        long start = toLong(net);
        long end = start + (1L << (32 - p.length())) - 1;
        return new AddressRange(net, fromLong(end));
    }

    private static Inet4Address v4(String text) {
        if (!(IpLiterals.parse(text) instanceof Inet4Address a) || text.indexOf(':') >= 0) {
            throw new IllegalArgumentException("address pools are IPv4 only");
        }
        return a;
    }

    /** Number of addresses in the range. */
    public long size() {
        return toLong(last) - toLong(first) + 1;
    }

    public boolean contains(Inet4Address a) {
        long v = toLong(a);
        return v >= toLong(first) && v <= toLong(last);
    }

    public boolean overlaps(AddressRange o) {
        return toLong(first) <= toLong(o.last) && toLong(o.first) <= toLong(last);
    }

    static long toLong(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    static Inet4Address fromLong(long v) {
        return (Inet4Address)
                IpLiterals.fromBytes(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    /** As written in a config file: the CIDR form when the range is exactly a prefix, else {@code first-last}. */
    @Override
    public String toString() {
        long s = toLong(first);
        long n = size();
        if (Long.bitCount(n) == 1 && s % n == 0) {
            return IpLiterals.format(first) + "/" + (32 - Long.numberOfTrailingZeros(n));
        }
        return IpLiterals.format(first) + "-" + IpLiterals.format(last);
    }
}
