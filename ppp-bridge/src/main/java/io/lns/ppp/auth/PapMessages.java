package io.lns.ppp.auth;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * PAP packets (RFC 1334 §2.2): Authenticate-Request carries a Peer-ID and a Password, each with a
 * one-octet length; Authenticate-Ack and -Nak carry a one-octet-length Message. Protocol 0xC023.
 */
public final class PapMessages {
    public static final int PROTOCOL = 0xC023;
    public static final int AUTHENTICATE_REQUEST = 1;
    public static final int AUTHENTICATE_ACK = 2;
    public static final int AUTHENTICATE_NAK = 3;

    private PapMessages() {}

    /** A decoded PAP packet. */
    public sealed interface Packet permits Request, Ack, Nak {
        int identifier();

        /** Appends the packet (Code, Identifier, Length, data) to {@code out}. */
        void encode(ByteBuf out);

        /** The packet as a new array: a PPP frame's information field. */
        default byte[] encode() {
            ByteBuf buf = Unpooled.buffer();
            encode(buf);
            return ByteBufUtil.getBytes(buf);
        }
    }

    /** Authenticate-Request. Arrays are copied in and out; the password is octets, not text. */
    public record Request(int identifier, byte[] peerId, byte[] password) implements Packet {
        public Request {
            PacketHeader.checkId(identifier);
            peerId = peerId.clone();
            password = password.clone();
        }

        public static Request of(int identifier, String peerId, String password) {
            return new Request(
                    identifier, peerId.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public byte[] peerId() {
            return peerId.clone();
        }

        @Override
        public byte[] password() {
            return password.clone();
        }

        public String peerIdString() {
            return new String(peerId, StandardCharsets.UTF_8);
        }

        @Override
        public void encode(ByteBuf out) {
            PacketHeader.write(
                    out,
                    AUTHENTICATE_REQUEST,
                    identifier,
                    PacketHeader.lengthPrefixed(peerId, "Peer-ID"),
                    PacketHeader.lengthPrefixed(password, "Password"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Request r
                    && r.identifier == identifier
                    && Arrays.equals(r.peerId, peerId)
                    && Arrays.equals(r.password, password);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * identifier + Arrays.hashCode(peerId)) + Arrays.hashCode(password);
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "PAP Request[id=" + identifier + ", peerId=" + peerIdString() + ", password=<" + password.length
                    + " octets>]";
        }
    }

    /** Authenticate-Ack with an optional human-readable message. */
    public record Ack(int identifier, String message) implements Packet {
        public Ack {
            PacketHeader.checkId(identifier);
        }

        @Override
        public void encode(ByteBuf out) {
            writeMessage(out, AUTHENTICATE_ACK, identifier, message);
        }
    }

    /** Authenticate-Nak with an optional human-readable message. */
    public record Nak(int identifier, String message) implements Packet {
        public Nak {
            PacketHeader.checkId(identifier);
        }

        @Override
        public void encode(ByteBuf out) {
            writeMessage(out, AUTHENTICATE_NAK, identifier, message);
        }
    }

    private static void writeMessage(ByteBuf out, int code, int id, String message) {
        PacketHeader.write(
                out, code, id, PacketHeader.lengthPrefixed(message.getBytes(StandardCharsets.UTF_8), "Message"));
    }

    /**
     * Decodes the PAP packet occupying {@code buf}'s readable bytes (the PPP information field),
     * consuming them. Octets beyond the Length field are padding.
     *
     * @throws AuthDecodeException on truncation, inconsistent lengths or an unknown Code
     */
    public static Packet decode(ByteBuf buf) {
        PacketHeader h = PacketHeader.read(buf);
        PacketHeader.Reader r = new PacketHeader.Reader(h.body());
        return switch (h.code()) {
            case AUTHENTICATE_REQUEST -> {
                byte[] peerId = r.lengthPrefixed("Peer-ID");
                byte[] password = r.lengthPrefixed("Password");
                yield new Request(h.identifier(), peerId, password);
            }
            case AUTHENTICATE_ACK -> new Ack(h.identifier(), message(r, h.body()));
            case AUTHENTICATE_NAK -> new Nak(h.identifier(), message(r, h.body()));
            default -> throw new AuthDecodeException("unknown PAP code " + h.code());
        };
    }

    // Some peers send Ack/Nak with Length 4 and no Msg-Length octet; treat that as an empty message.
    private static String message(PacketHeader.Reader r, byte[] body) {
        if (body.length == 0) {
            return "";
        }
        return new String(r.lengthPrefixed("Message"), StandardCharsets.UTF_8);
    }
}
