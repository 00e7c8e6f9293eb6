package io.lns.loadtest.ip;

/**
 * An IPv4 datagram (RFC 791) as the tiny stack sends and receives it: a 20-octet header without
 * options on the way out; options are skipped on the way in. Fragments are not reassembled: the
 * subscriber's traffic never needs it, so a fragment is a decode error.
 *
 * @param identification the Identification field
 * @param dontFragment the DF flag
 * @param ttl time to live
 * @param protocol 1 ICMP, 17 UDP, ...
 * @param source source address
 * @param destination destination address
 * @param payload what follows the header (not copied: treat as read-only)
 */
public record Ipv4Packet(
        int identification, boolean dontFragment, int ttl, int protocol, int source, int destination, byte[] payload) {
    public static final int ICMP = 1;
    public static final int UDP = 17;
    public static final int HEADER_LENGTH = 20;
    public static final int DEFAULT_TTL = 64;

    public Ipv4Packet {
        if ((identification & ~0xFFFF) != 0) throw new IllegalArgumentException("identification 0..65535");
        if ((ttl & ~0xFF) != 0) throw new IllegalArgumentException("ttl 0..255");
        if ((protocol & ~0xFF) != 0) throw new IllegalArgumentException("protocol 0..255");
        if (payload.length > 0xFFFF - HEADER_LENGTH) throw new IllegalArgumentException("payload too long");
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + payload.length];
        out[0] = 0x45; // version 4, IHL 5
        Ipv4.putU16(out, 2, out.length);
        Ipv4.putU16(out, 4, identification);
        out[6] = (byte) (dontFragment ? 0x40 : 0);
        out[8] = (byte) ttl;
        out[9] = (byte) protocol;
        Ipv4.put(out, 12, source);
        Ipv4.put(out, 16, destination);
        Ipv4.putU16(out, 10, Checksum.of(out, 0, HEADER_LENGTH));
        System.arraycopy(payload, 0, out, HEADER_LENGTH, payload.length);
        return out;
    }

    /**
     * Reads a datagram; octets beyond the Total Length (link padding) are ignored.
     *
     * @throws IpDecodeException when it is not a well-formed, unfragmented IPv4 datagram
     */
    public static Ipv4Packet decode(byte[] in) {
        if (in.length < HEADER_LENGTH) throw new IpDecodeException("header", "only " + in.length + " octets");
        int version = (in[0] & 0xFF) >>> 4;
        if (version != 4) throw new IpDecodeException("version", "is " + version);
        int headerLength = (in[0] & 0x0F) * 4;
        if (headerLength < HEADER_LENGTH) throw new IpDecodeException("IHL", headerLength + " octets");
        int total = Ipv4.u16(in, 2);
        if (total < headerLength || total > in.length) {
            throw new IpDecodeException("total length", total + " with " + in.length + " octets received");
        }
        if (Checksum.of(in, 0, headerLength) != 0) throw new IpDecodeException("header checksum", "wrong");
        int flagsAndOffset = Ipv4.u16(in, 6);
        if ((flagsAndOffset & 0x3FFF) != 0) throw new IpDecodeException("fragment", "not reassembled");
        byte[] payload = new byte[total - headerLength];
        System.arraycopy(in, headerLength, payload, 0, payload.length);
        return new Ipv4Packet(
                Ipv4.u16(in, 4),
                (flagsAndOffset & 0x4000) != 0,
                in[8] & 0xFF,
                in[9] & 0xFF,
                Ipv4.get(in, 12),
                Ipv4.get(in, 16),
                payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ipv4Packet p
                && p.identification == identification
                && p.dontFragment == dontFragment
                && p.ttl == ttl
                && p.protocol == protocol
                && p.source == source
                && p.destination == destination
                && java.util.Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(identification, protocol, source, destination)
                + 31 * java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Ipv4Packet[" + Ipv4.format(source) + " -> " + Ipv4.format(destination) + ", protocol " + protocol + ", "
                + payload.length + " octets]";
    }
}
