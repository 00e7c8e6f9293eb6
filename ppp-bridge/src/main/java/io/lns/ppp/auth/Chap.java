package io.lns.ppp.auth;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * CHAP packets (RFC 1994 §4) and the MD5 algorithm (CHAP algorithm 5). Challenge and Response carry
 * a one-octet Value-Size, the Value and a Name filling the rest; Success and Failure carry a Message
 * filling the rest. MS-CHAPv2 (algorithm 0x81) uses the same packets; see {@link MsChapV2}.
 */
public final class Chap {
    public static final int PROTOCOL = 0xC223;
    public static final int ALGORITHM_MD5 = 5;
    public static final int CHALLENGE = 1;
    public static final int RESPONSE = 2;
    public static final int SUCCESS = 3;
    public static final int FAILURE = 4;

    private Chap() {}

    /** A decoded CHAP packet. */
    public sealed interface Packet permits Challenge, Response, Success, Failure {
        int identifier();

        void encode(ByteBuf out);

        /** The packet as a new array: a PPP frame's information field. */
        default byte[] encode() {
            ByteBuf buf = Unpooled.buffer();
            encode(buf);
            return ByteBufUtil.getBytes(buf);
        }
    }

    /** Challenge: the authenticator's challenge value and its name. */
    public record Challenge(int identifier, byte[] value, byte[] name) implements Packet {
        public Challenge {
            PacketHeader.checkId(identifier);
            value = value.clone();
            name = name.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] name() {
            return name.clone();
        }

        public String nameString() {
            return new String(name, StandardCharsets.UTF_8);
        }

        @Override
        public void encode(ByteBuf out) {
            PacketHeader.write(out, CHALLENGE, identifier, PacketHeader.lengthPrefixed(value, "Value"), name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Challenge c
                    && c.identifier == identifier
                    && Arrays.equals(c.value, value)
                    && Arrays.equals(c.name, name);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * identifier + Arrays.hashCode(value)) + Arrays.hashCode(name);
        }

        @Override
        public String toString() {
            return "CHAP Challenge[id=" + identifier + ", value=" + value.length + " octets, name=" + nameString()
                    + "]";
        }
    }

    /** Response: the peer's response value and its name (the user name). */
    public record Response(int identifier, byte[] value, byte[] name) implements Packet {
        public Response {
            PacketHeader.checkId(identifier);
            value = value.clone();
            name = name.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] name() {
            return name.clone();
        }

        public String nameString() {
            return new String(name, StandardCharsets.UTF_8);
        }

        @Override
        public void encode(ByteBuf out) {
            PacketHeader.write(out, RESPONSE, identifier, PacketHeader.lengthPrefixed(value, "Value"), name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response c
                    && c.identifier == identifier
                    && Arrays.equals(c.value, value)
                    && Arrays.equals(c.name, name);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * identifier + Arrays.hashCode(value)) + Arrays.hashCode(name);
        }

        @Override
        public String toString() {
            return "CHAP Response[id=" + identifier + ", value=" + value.length + " octets, name=" + nameString() + "]";
        }
    }

    /** Success with an implementation-specific message (MS-CHAPv2 puts "S=... M=..." here). */
    public record Success(int identifier, String message) implements Packet {
        public Success {
            PacketHeader.checkId(identifier);
        }

        @Override
        public void encode(ByteBuf out) {
            PacketHeader.write(out, SUCCESS, identifier, message.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Failure with an implementation-specific message (MS-CHAPv2 puts "E=... R=... ..." here). */
    public record Failure(int identifier, String message) implements Packet {
        public Failure {
            PacketHeader.checkId(identifier);
        }

        @Override
        public void encode(ByteBuf out) {
            PacketHeader.write(out, FAILURE, identifier, message.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Decodes the CHAP packet occupying {@code buf}'s readable bytes, consuming them.
     *
     * @throws AuthDecodeException on truncation, inconsistent lengths or an unknown Code
     */
    public static Packet decode(ByteBuf buf) {
        PacketHeader h = PacketHeader.read(buf);
        PacketHeader.Reader r = new PacketHeader.Reader(h.body());
        return switch (h.code()) {
            case CHALLENGE -> {
                byte[] value = r.lengthPrefixed("Value");
                yield new Challenge(h.identifier(), value, r.rest());
            }
            case RESPONSE -> {
                byte[] value = r.lengthPrefixed("Value");
                yield new Response(h.identifier(), value, r.rest());
            }
            case SUCCESS -> new Success(h.identifier(), new String(h.body(), StandardCharsets.UTF_8));
            case FAILURE -> new Failure(h.identifier(), new String(h.body(), StandardCharsets.UTF_8));
            default -> throw new AuthDecodeException("unknown CHAP code " + h.code());
        };
    }

    /** RFC 1994 §4.1 with MD5: MD5(Identifier || secret || challenge), 16 octets. */
    public static byte[] md5Response(int identifier, byte[] secret, byte[] challenge) {
        PacketHeader.checkId(identifier);
        MessageDigest md5 = digest("MD5");
        md5.update((byte) identifier);
        md5.update(secret);
        md5.update(challenge);
        return md5.digest();
    }

    /** Checks a peer's MD5 response in time independent of where it differs. */
    public static boolean verifyMd5Response(int identifier, byte[] secret, byte[] challenge, byte[] response) {
        return MessageDigest.isEqual(md5Response(identifier, secret, challenge), response);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
