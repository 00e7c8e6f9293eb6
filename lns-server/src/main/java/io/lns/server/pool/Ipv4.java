package io.lns.server.pool;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Strict dotted-quad IPv4 literals as {@code int}s (unsigned, host order); never a DNS look-up. */
public final class Ipv4 {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");

    private Ipv4() {}

    /** The address written as four decimal octets without leading zeros; IllegalArgumentException otherwise. */
    public static int parse(String text) {
        if (text == null || !DOTTED_QUAD.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IPv4 address (a.b.c.d)");
        }
        int value = 0;
        for (String part : text.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255) throw new IllegalArgumentException("octet " + octet + " is above 255");
            value = (value << 8) | octet;
        }
        return value;
    }

    /** {@link #parse(String)} as an {@link Inet4Address}. */
    public static Inet4Address parseAddress(String text) {
        return toAddress(parse(text));
    }

    public static int toInt(Inet4Address address) {
        byte[] b = address.getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    public static Inet4Address toAddress(int value) {
        byte[] b = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError("four octets are always a valid address", e);
        }
    }

    public static String format(int value) {
        return (value >>> 24) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "." + (value & 0xFF);
    }
}
