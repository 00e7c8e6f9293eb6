package io.lns.loadtest.ip;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 addresses as {@code int}s, the way the packet classes carry them. */
public final class Ipv4 {
    private Ipv4() {}

    public static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    public static Inet4Address toAddress(int a) {
        try {
            return (Inet4Address) InetAddress.getByAddress(
                    new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        } catch (UnknownHostException e) {
            throw new AssertionError("four octets are always an address", e);
        }
    }

    public static String format(int a) {
        return (a >>> 24) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
    }

    static void put(byte[] out, int at, int a) {
        out[at] = (byte) (a >>> 24);
        out[at + 1] = (byte) (a >>> 16);
        out[at + 2] = (byte) (a >>> 8);
        out[at + 3] = (byte) a;
    }

    static int get(byte[] in, int at) {
        return ((in[at] & 0xFF) << 24) | ((in[at + 1] & 0xFF) << 16) | ((in[at + 2] & 0xFF) << 8) | (in[at + 3] & 0xFF);
    }

    static int u16(byte[] in, int at) {
        return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
    }

    static void putU16(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 8);
        out[at + 1] = (byte) v;
    }
}
