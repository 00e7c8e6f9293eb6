package io.lns.ppp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PapMessagesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void requestEncodesToRfc1334Layout() {
        ByteBuf buf = Unpooled.buffer();
        PapMessages.Request.of(0x11, "bob", "pw").encode(buf);
        assertThat(HEX.formatHex(ChapTest.bytes(buf))).isEqualTo("0111000b" + "03626f62" + "027077");
    }

    @Test
    void packetsRoundTrip() {
        PapMessages.Packet[] packets = {
            PapMessages.Request.of(1, "alice@example.net", "s3cr3t"),
            PapMessages.Request.of(2, "", ""),
            new PapMessages.Ack(1, "Login ok"),
            new PapMessages.Ack(3, ""),
            new PapMessages.Nak(1, "Authentication failure"),
        };
        for (PapMessages.Packet p : packets) {
            ByteBuf buf = Unpooled.buffer();
            p.encode(buf);
            assertThat(PapMessages.decode(buf)).isEqualTo(p);
            assertThat(buf.readableBytes()).isZero();
        }
    }

    @Test
    void ackWithoutMsgLengthIsAnEmptyMessage() {
        assertThat(PapMessages.decode(Unpooled.wrappedBuffer(HEX.parseHex("02050004"))))
                .isEqualTo(new PapMessages.Ack(5, ""));
    }

    @Test
    void toStringHidesPassword() {
        assertThat(PapMessages.Request.of(1, "bob", "hunter2").toString())
                .contains("bob")
                .doesNotContain("hunter2");
    }

    @Test
    void truncatedAndInconsistentPacketsAreRejected() {
        assertRejected(""); // empty
        assertRejected("010100"); // short header
        assertRejected("01010002"); // Length < 4
        assertRejected("01010004"); // Request without Peer-ID-Length
        assertRejected("01010008" + "03626f62"); // Passwd-Length missing
        assertRejected("0101000b" + "03626f62" + "05707700"); // Password overruns Length
        assertRejected("0101000c" + "03626f62" + "027077"); // Length beyond the data
        assertRejected("02010006" + "0541"); // Msg-Length overruns
        assertRejected("04010004"); // unknown code
    }

    @Test
    void encodeRejectsOverlongFields() {
        PapMessages.Request r = new PapMessages.Request(1, new byte[256], new byte[0]);
        assertThatThrownBy(() -> r.encode(Unpooled.buffer())).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRejected(String hex) {
        assertThatThrownBy(() -> PapMessages.decode(Unpooled.wrappedBuffer(HEX.parseHex(hex))))
                .isInstanceOf(AuthDecodeException.class);
    }
}
