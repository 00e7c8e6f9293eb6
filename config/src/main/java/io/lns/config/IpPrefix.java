package io.lns.config;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An IPv4 or IPv6 prefix in CIDR form ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); a bare address
 * is a /32 or /128. Host bits must be zero.
 */
public record IpPrefix(InetAddress network, int length) {

    public IpPrefix {
        int bits = network.getAddress().length * 8;
        if (length < 0 || length > bits) throw new IllegalArgumentException("prefix length must be 0.." + bits);
        byte[] a = network.getAddress();
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & 0xFF & ~mask(length, i)) != 0) {
                throw new IllegalArgumentException("host bits are set; the network is " + new IpPrefix(length, a));
            }
        }
    }

    private IpPrefix(int length, byte[] address) {
        this(clear(address, length), length);
    }

    /**
     * Parses {@code address[/length]}; the address must be a literal (no name lookup).
     *
     * @throws IllegalArgumentException with the reason
     */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        InetAddress a = IpLiterals.parse(addr);
        if (a instanceof Inet4Address && addr.indexOf(':') >= 0) {
            throw new IllegalArgumentException("IPv4-mapped IPv6 prefixes are not supported; write the IPv4 prefix");
        }
        int bits = a.getAddress().length * 8;
        if (slash < 0) return new IpPrefix(a, bits);
        String len = text.substring(slash + 1);
        if (!len.matches("\\d{1,3}") || Integer.parseInt(len) > bits) {
            throw new IllegalArgumentException("prefix length must be 0.." + bits);
        }
        return new IpPrefix(a, Integer.parseInt(len));
    }

    /** Whether {@code address} (of the same family) lies in this prefix. */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) return false;
        for (int i = 0; i < a.length; i++) {
            int m = mask(length, i);
            if ((a[i] & m) != (n[i] & m)) return false;
        }
        return true;
    }

    private static int mask(int length, int byteIndex) {
        int bitsHere = Math.min(8, Math.max(0, length - byteIndex * 8));
        return (0xFF << (8 - bitsHere)) & 0xFF;
    }

    private static InetAddress clear(byte[] a, int length) {
        byte[] c = a.clone();
        for (int i = 0; i < c.length; i++) c[i] &= (byte) mask(length, i);
        return IpLiterals.fromBytes(c);
    }

    @Override
    public String toString() {
        return IpLiterals.format(network) + "/" + length;
    }
}
