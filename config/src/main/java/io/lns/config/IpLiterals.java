package io.lns.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals and {@code address:port} pairs, parsed without any name lookup. */
final class IpLiterals {

    private static final Pattern V4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern V6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpLiterals() {}

    /** An IPv4 or IPv6 literal; throws IllegalArgumentException for anything else (host names included). */
    static InetAddress parse(String text) {
        boolean v4 = V4.matcher(text).matches();
        if (!v4 && !V6.matcher(text).matches()) {
            throw new IllegalArgumentException("not an IP address (host names are not resolved here)");
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) throw new IllegalArgumentException("not an IPv4 address");
            }
        }
        try {
            // Only literals reach this point, which InetAddress parses without a lookup.
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(v4 ? "not an IPv4 address" : "not an IPv6 address");
        }
    }

    static InetAddress fromBytes(byte[] a) {
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code 192.0.2.1:1701} or {@code [2001:db8::1]:1701}. */
    static InetSocketAddress parseSocketAddress(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("write an IPv6 address and port as [address]:port");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0 || text.indexOf(':') != colon) {
                throw new IllegalArgumentException("write address:port, or [address]:port for IPv6");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("port must be 1..65535");
        }
        return new InetSocketAddress(parse(host), Integer.parseInt(port));
    }

    /** Dotted quad, or the RFC 5952 form of an IPv6 address (longest zero run compressed, lower case). */
    static String format(InetAddress a) {
        if (!(a instanceof Inet6Address)) return a.getHostAddress();
        byte[] b = a.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(w[i]));
        }
        return s.toString();
    }

    static String format(InetSocketAddress a) {
        String host = format(a.getAddress());
        return (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
