package io.lns.loadtest.ip;

import java.util.Arrays;
import java.util.Optional;

/**
 * An ICMP Echo or Echo Reply message (RFC 792): type 8 or 0, code 0, checksum over the whole
 * message, Identifier, Sequence Number, data echoed back unchanged.
 *
 * @param reply Echo Reply (type 0) rather than Echo (type 8)
 */
public record IcmpEcho(boolean reply, int identifier, int sequence, byte[] data) {
    public static final int ECHO_REPLY = 0;
    public static final int ECHO = 8;
    public static final int HEADER_LENGTH = 8;

    public IcmpEcho {
        if ((identifier & ~0xFFFF) != 0 || (sequence & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("identifier and sequence are 16 bits");
        }
    }

    /** The reply to this request: same identifier, sequence and data. */
    public IcmpEcho toReply() {
        return new IcmpEcho(true, identifier, sequence, data);
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + data.length];
        out[0] = (byte) (reply ? ECHO_REPLY : ECHO);
        Ipv4.putU16(out, 4, identifier);
        Ipv4.putU16(out, 6, sequence);
        System.arraycopy(data, 0, out, HEADER_LENGTH, data.length);
        Ipv4.putU16(out, 2, Checksum.of(out, 0, out.length));
        return out;
    }

    /**
     * Reads an ICMP message; empty when it is another type than Echo or Echo Reply.
     *
     * @throws IpDecodeException when it is too short or its checksum is wrong
     */
    public static Optional<IcmpEcho> decode(byte[] in) {
        if (in.length < HEADER_LENGTH) throw new IpDecodeException("ICMP header", "only " + in.length + " octets");
        if (Checksum.of(in, 0, in.length) != 0) throw new IpDecodeException("ICMP checksum", "wrong");
        int type = in[0] & 0xFF;
        if ((type != ECHO && type != ECHO_REPLY) || in[1] != 0) return Optional.empty();
        return Optional.of(new IcmpEcho(
                type == ECHO_REPLY,
                Ipv4.u16(in, 4),
                Ipv4.u16(in, 6),
                Arrays.copyOfRange(in, HEADER_LENGTH, in.length)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IcmpEcho e
                && e.reply == reply
                && e.identifier == identifier
                && e.sequence == sequence
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return (identifier * 31 + sequence) * 31 + Arrays.hashCode(data) + (reply ? 1 : 0);
    }

    @Override
    public String toString() {
        return "IcmpEcho[" + (reply ? "reply" : "request") + " id=" + identifier + " seq=" + sequence + ", "
                + data.length + " octets]";
    }
}
