package io.lns.loadtest.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Parsing of the command line's addresses. IPv4 only: the tunnels use IPv4 sockets. */
public final class Addresses {
    public static final int L2TP_PORT = 1701;
    private static final int MAX_RANGE = 65536;

    private Addresses() {}

    /** {@code HOST} or {@code HOST:PORT} (port 1701 when absent), resolved to an IPv4 address. */
    public static InetSocketAddress lns(String spec) {
        String host = spec;
        int port = L2TP_PORT;
        int colon = spec.lastIndexOf(':');
        if (colon >= 0) {
            host = spec.substring(0, colon);
            try {
                port = Integer.parseInt(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad port in '" + spec + "'");
            }
            if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of 1..65535 in '" + spec + "'");
        }
        return new InetSocketAddress(ipv4(host), port);
    }

    /**
     * A comma-separated list of IPv4 addresses and ranges {@code A-B} (e.g. {@code
     * 127.0.0.2-127.0.0.50}), in order.
     */
    public static List<InetAddress> locals(String spec) {
        List<InetAddress> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            int dash = p.indexOf('-');
            if (dash < 0) {
                out.add(ipv4(p));
                continue;
            }
            long from = toLong(ipv4(p.substring(0, dash).trim()));
            long to = toLong(ipv4(p.substring(dash + 1).trim()));
            if (to < from) throw new IllegalArgumentException("empty range '" + p + "'");
            if (to - from >= MAX_RANGE) throw new IllegalArgumentException("range '" + p + "' is too large");
            for (long a = from; a <= to; a++) out.add(fromLong(a));
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no address in '" + spec + "'");
        return out;
    }

    private static InetAddress ipv4(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address) return a;
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "'");
        }
        throw new IllegalArgumentException("'" + host + "' has no IPv4 address");
    }

    private static long toLong(InetAddress a) {
        long v = 0;
        for (byte b : a.getAddress()) v = (v << 8) | (b & 0xFF);
        return v;
    }

    private static InetAddress fromLong(long v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
