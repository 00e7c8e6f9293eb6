package io.lns.server.capture;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds packet bytes, layer by layer, for synthetic captures. */
public final class Packets {
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;

    private Packets() {}

    public static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    public static byte[] payload(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i * 7);
        }
        return b;
    }

    public static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
        return udpWithLength(sourcePort, destinationPort, 8 + payload.length, payload);
    }

    public static byte[] udpWithLength(int sourcePort, int destinationPort, int lengthField, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length)
                .putShort((short) sourcePort)
                .putShort((short) destinationPort)
                .putShort((short) lengthField)
                .putShort((short) 0)
                .put(payload)
                .array();
    }

    public static byte[] ipv4(String source, String destination, int protocol, byte[] payload) {
        return ipv4(source, destination, protocol, 0, new byte[0], payload);
    }

    /** @param flagsAndOffset the 16-bit flags/fragment offset field (0x2000 = more fragments) */
    public static byte[] ipv4(
            String source, String destination, int protocol, int flagsAndOffset, byte[] options, byte[] payload) {
        if (options.length % 4 != 0) {
            throw new IllegalArgumentException("options must be padded to 4 bytes");
        }
        int headerLength = 20 + options.length;
        return ByteBuffer.allocate(headerLength + payload.length)
                .put((byte) (0x40 | headerLength / 4))
                .put((byte) 0)
                .putShort((short) (headerLength + payload.length))
                .putShort((short) 0x1234)
                .putShort((short) flagsAndOffset)
                .put((byte) 64)
                .put((byte) protocol)
                .putShort((short) 0)
                .put(address(source))
                .put(address(destination))
                .put(options)
                .put(payload)
                .array();
    }

    /** {@code payload} starts with any extension headers; {@code nextHeader} is the first one. */
    public static byte[] ipv6(String source, String destination, int nextHeader, byte[] payload) {
        return ByteBuffer.allocate(40 + payload.length)
                .putInt(0x60000000)
                .putShort((short) payload.length)
                .put((byte) nextHeader)
                .put((byte) 64)
                .put(address(source))
                .put(address(destination))
                .put(payload)
                .array();
    }

    /** A hop-by-hop, routing or destination options header of {@code 8 * (1 + units)} bytes. */
    public static byte[] extensionHeader(int nextHeader, int units) {
        byte[] h = new byte[8 * (1 + units)];
        h[0] = (byte) nextHeader;
        h[1] = (byte) units;
        h[2] = 1; // PadN option filling the rest
        h[3] = (byte) (h.length - 4);
        return h;
    }

    public static byte[] fragmentHeader(int nextHeader, int offsetUnits, boolean more) {
        return ByteBuffer.allocate(8)
                .put((byte) nextHeader)
                .put((byte) 0)
                .putShort((short) ((offsetUnits << 3) | (more ? 1 : 0)))
                .putInt(0xcafe)
                .array();
    }

    public static byte[] ethernet(int etherType, byte[] payload, int... tags) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * tags.length + payload.length);
        b.put(bytes(0, 1, 2, 3, 4, 5)).put(bytes(0, 6, 7, 8, 9, 10));
        for (int i = 0; i < tags.length; i++) {
            b.putShort((short) tags[i]).putShort((short) (100 + i)); // TPID, then TCI (VLAN id)
        }
        return b.putShort((short) etherType).put(payload).array();
    }

    public static byte[] sll(int protocol, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length)
                .putShort((short) 0) // packet type: to us
                .putShort((short) 772) // ARPHRD_LOOPBACK
                .putShort((short) 6)
                .put(new byte[8])
                .putShort((short) protocol)
                .put(payload)
                .array();
    }

    public static byte[] sll2(int protocol, byte[] payload) {
        return ByteBuffer.allocate(20 + payload.length)
                .putShort((short) protocol)
                .putShort((short) 0)
                .putInt(1) // interface index
                .putShort((short) 1) // ARPHRD_ETHER
                .put((byte) 4) // outgoing
                .put((byte) 6)
                .put(new byte[8])
                .put(payload)
                .array();
    }

    /** BSD DLT_NULL / OpenBSD DLT_LOOP header: a 4-byte address family. */
    public static byte[] loopback(int family, ByteOrder order, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .order(order)
                .putInt(family)
                .put(payload)
                .array();
    }

    private static byte[] address(String literal) {
        try {
            byte[] raw = InetAddress.getByName(literal).getAddress(); // literals only: no lookup
            if (literal.contains(":") && raw.length == 4) {
                throw new IllegalArgumentException("use a non-mapped IPv6 literal: " + literal);
            }
            return raw;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
