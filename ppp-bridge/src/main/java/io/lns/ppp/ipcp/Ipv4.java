package io.lns.ppp.ipcp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Four-octet option values. */
final class Ipv4 {
    static final byte[] ZERO = new byte[4];

    private Ipv4() {}

    static Inet4Address of(byte[] value) {
        try {
            return (Inet4Address) InetAddress.getByAddress(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + value.length + " octets", e);
        }
    }

    static boolean isZero(byte[] value) {
        return java.util.Arrays.equals(value, ZERO);
    }
}
