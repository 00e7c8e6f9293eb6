package io.lns.ppp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChapTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET = "secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHALLENGE = HEX.parseHex("0123456789abcdeffedcba9876543210");

    @Test
    void md5ResponseMatchesIndependentComputation() {
        // python3: hashlib.md5(bytes([0x2a]) + b"secret" + bytes.fromhex("0123...3210")).hexdigest()
        byte[] r = Chap.md5Response(0x2a, SECRET, CHALLENGE);
        assertThat(HEX.formatHex(r)).isEqualTo("6bbd13bb2acc255dcfc251cbb7d58b0e");
        assertThat(Chap.verifyMd5Response(0x2a, SECRET, CHALLENGE, r)).isTrue();
    }

    @Test
    void verifyRejectsWrongIdentifierSecretOrLength() {
        byte[] r = Chap.md5Response(0x2a, SECRET, CHALLENGE);
        assertThat(Chap.verifyMd5Response(0x2b, SECRET, CHALLENGE, r)).isFalse();
        assertThat(Chap.verifyMd5Response(0x2a, "Secret".getBytes(StandardCharsets.US_ASCII), CHALLENGE, r))
                .isFalse();
        byte[] shorter = java.util.Arrays.copyOf(r, 15);
        assertThat(Chap.verifyMd5Response(0x2a, SECRET, CHALLENGE, shorter)).isFalse();
    }

    @Test
    void challengeEncodesToRfc1994Layout() {
        ByteBuf buf = Unpooled.buffer();
        new Chap.Challenge(7, HEX.parseHex("aabbcc"), "lns".getBytes(StandardCharsets.US_ASCII)).encode(buf);
        assertThat(HEX.formatHex(bytes(buf))).isEqualTo("0107000b" + "03aabbcc" + "6c6e73");
    }

    @Test
    void allPacketsRoundTrip() {
        Chap.Packet[] packets = {
            new Chap.Challenge(1, CHALLENGE, "lns".getBytes(StandardCharsets.US_ASCII)),
            new Chap.Response(1, Chap.md5Response(1, SECRET, CHALLENGE), "alice".getBytes(StandardCharsets.UTF_8)),
            new Chap.Response(2, new byte[0], new byte[0]),
            new Chap.Success(1, "Welcome"),
            new Chap.Failure(255, ""),
        };
        for (Chap.Packet p : packets) {
            ByteBuf buf = Unpooled.buffer();
            p.encode(buf);
            assertThat(Chap.decode(buf)).isEqualTo(p);
            assertThat(buf.readableBytes()).isZero();
        }
    }

    @Test
    void paddingBeyondLengthIsIgnored() {
        ByteBuf buf = Unpooled.wrappedBuffer(HEX.parseHex("03090008" + "4f4b2121" + "0000"));
        assertThat(Chap.decode(buf)).isEqualTo(new Chap.Success(9, "OK!!"));
    }

    @Test
    void truncatedAndInconsistentPacketsAreRejected() {
        assertRejected("0101");
        assertRejected("01010003");
        assertRejected("0101000a" + "03aabb"); // Length exceeds data
        assertRejected("01010005"); // Value-Size missing... header says 5 but only 4 octets
        assertRejected("01010006" + "05aa"); // Value-Size overruns Length
        assertRejected("02010004"); // Response with no Value-Size
        assertRejected("09010004"); // unknown code
    }

    @Test
    void encodeRejectsOversizedValueAndBadIdentifier() {
        assertThatThrownBy(() -> new Chap.Challenge(1, new byte[256], new byte[0]).encode(Unpooled.buffer()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chap.Success(256, "")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String hex) {
        assertThatThrownBy(() -> Chap.decode(Unpooled.wrappedBuffer(HEX.parseHex(hex))))
                .isInstanceOf(AuthDecodeException.class);
    }

    static byte[] bytes(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.readBytes(b);
        return b;
    }
}
