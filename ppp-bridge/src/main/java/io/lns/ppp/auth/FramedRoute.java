package io.lns.ppp.auth;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 prefix routed to a subscriber, behind its address (a users-file {@code routes} entry, or
 * RADIUS Framed-Route later).
 *
 * @param prefix the network address (host bits zero)
 * @param length the prefix length, 0..32
 */
public record FramedRoute(Inet4Address prefix, int length) {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})(?:/(\\d{1,2}))?");

    public FramedRoute {
        Objects.requireNonNull(prefix, "prefix");
        if (length < 0 || length > 32) throw new IllegalArgumentException("prefix length " + length + " is not 0..32");
        int bits = toInt(prefix);
        int mask = length == 0 ? 0 : -1 << (32 - length);
        if ((bits & ~mask) != 0) {
            throw new IllegalArgumentException(
                    prefix.getHostAddress() + "/" + length + " has host bits set; the network is "
                            + fromInt(bits & mask).getHostAddress() + "/" + length);
        }
    }

    /** {@code a.b.c.d/len}, or a bare address for a /32. */
    public static FramedRoute parse(String text) {
        Matcher m = CIDR.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("expected an IPv4 prefix like 198.51.100.0/24");
        byte[] octets = new byte[4];
        String[] parts = m.group(1).split("\\.");
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) throw new IllegalArgumentException("octet " + v + " is above 255");
            octets[i] = (byte) v;
        }
        int length = m.group(2) == null ? 32 : Integer.parseInt(m.group(2));
        try {
            return new FramedRoute((Inet4Address) InetAddress.getByAddress(octets), length);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four octets are always an address
        }
    }

    private static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static Inet4Address fromInt(int v) {
        try {
            return (Inet4Address) InetAddress.getByAddress(
                    new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return prefix.getHostAddress() + "/" + length;
    }
}
