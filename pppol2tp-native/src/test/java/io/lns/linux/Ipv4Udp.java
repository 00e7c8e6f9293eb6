package io.lns.linux;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Builds and reads minimal IPv4/UDP packets for the TUN tests (UDP checksum 0: allowed on IPv4). */
final class Ipv4Udp {
    private Ipv4Udp() {}

    static byte[] packet(
            Inet4Address source, int sourcePort, Inet4Address destination, int destinationPort, byte[] payload) {
        int length = 20 + 8 + payload.length;
        ByteBuffer ip = ByteBuffer.allocate(length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) length);
        ip.putShort((short) 0x1234).putShort((short) 0x4000); // id, DF
        ip.put((byte) 64).put((byte) 17).putShort((short) 0); // TTL, UDP, checksum below
        ip.put(source.getAddress()).put(destination.getAddress());
        ip.putShort(10, checksum(ip.array(), 20));
        ip.putShort((short) sourcePort).putShort((short) destinationPort);
        ip.putShort((short) (8 + payload.length)).putShort((short) 0);
        ip.put(payload);
        return ip.array();
    }

    static short checksum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    /** True if {@code packet} is IPv4/UDP to {@code destination:port}. */
    static boolean isUdpTo(byte[] packet, Inet4Address destination, int port) {
        if (packet.length < 28 || (packet[0] >> 4) != 4 || packet[9] != 17) {
            return false;
        }
        int headerLength = (packet[0] & 0x0f) * 4;
        ByteBuffer in = ByteBuffer.wrap(packet);
        byte[] dst = new byte[4];
        in.get(16, dst);
        return Arrays.equals(dst, destination.getAddress())
                && Short.toUnsignedInt(in.getShort(headerLength + 2)) == port;
    }

    static byte[] udpPayload(byte[] packet) {
        int headerLength = (packet[0] & 0x0f) * 4;
        return Arrays.copyOfRange(packet, headerLength + 8, packet.length);
    }
}
