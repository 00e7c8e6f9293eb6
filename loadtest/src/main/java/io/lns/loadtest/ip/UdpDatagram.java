package io.lns.loadtest.ip;

import java.util.Arrays;

/**
 * A UDP datagram (RFC 768). The checksum covers the IPv4 pseudo-header (source, destination, zero,
 * protocol 17, UDP length) and the datagram; a computed 0 is sent as 0xFFFF, and a received 0 means
 * the sender computed none.
 */
public record UdpDatagram(int sourcePort, int destinationPort, byte[] payload) {
    public static final int HEADER_LENGTH = 8;

    public UdpDatagram {
        if ((sourcePort & ~0xFFFF) != 0 || (destinationPort & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("ports are 16 bits");
        }
    }

    /** Encodes with the checksum for a datagram from {@code source} to {@code destination}. */
    public byte[] encode(int source, int destination) {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        Ipv4.putU16(out, 0, sourcePort);
        Ipv4.putU16(out, 2, destinationPort);
        Ipv4.putU16(out, 4, out.length);
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        int sum = checksum(source, destination, out);
        Ipv4.putU16(out, 6, sum == 0 ? 0xFFFF : sum);
        return out;
    }

    /**
     * Reads a datagram that came from {@code source} to {@code destination}.
     *
     * @throws IpDecodeException when it is too short, its length field is wrong or its checksum fails
     */
    public static UdpDatagram decode(int source, int destination, byte[] in) {
        if (in.length < HEADER_LENGTH) throw new IpDecodeException("UDP header", "only " + in.length + " octets");
        int length = Ipv4.u16(in, 4);
        if (length < HEADER_LENGTH || length > in.length) {
            throw new IpDecodeException("UDP length", length + " with " + in.length + " octets received");
        }
        byte[] datagram = length == in.length ? in : Arrays.copyOf(in, length);
        if (Ipv4.u16(in, 6) != 0 && checksum(source, destination, datagram) != 0) {
            throw new IpDecodeException("UDP checksum", "wrong");
        }
        return new UdpDatagram(
                Ipv4.u16(in, 0), Ipv4.u16(in, 2), Arrays.copyOfRange(datagram, HEADER_LENGTH, datagram.length));
    }

    private static int checksum(int source, int destination, byte[] datagram) {
        long sum = 0;
        sum = Checksum.addWord(sum, source >>> 16);
        sum = Checksum.addWord(sum, source);
        sum = Checksum.addWord(sum, destination >>> 16);
        sum = Checksum.addWord(sum, destination);
        sum = Checksum.addWord(sum, Ipv4Packet.UDP);
        sum = Checksum.addWord(sum, datagram.length);
        return Checksum.finish(Checksum.add(sum, datagram, 0, datagram.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UdpDatagram u
                && u.sourcePort == sourcePort
                && u.destinationPort == destinationPort
                && Arrays.equals(u.payload, payload);
    }

    @Override
    public int hashCode() {
        return (sourcePort * 31 + destinationPort) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "UdpDatagram[" + sourcePort + " -> " + destinationPort + ", " + payload.length + " octets]";
    }
}
