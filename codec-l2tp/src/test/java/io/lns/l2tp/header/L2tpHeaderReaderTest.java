package io.lns.l2tp.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.L2tpDecodeException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class L2tpHeaderReaderTest {
    private final L2tpHeaderReader reader = new L2tpHeaderReader();

    @Test
    void everyCombinationOfDataFlagsRoundTrips() throws Exception {
        for (int bits = 0; bits < 16; bits++) {
            boolean l = (bits & 1) != 0;
            boolean s = (bits & 2) != 0;
            boolean o = (bits & 4) != 0;
            boolean p = (bits & 8) != 0;
            L2tpHeader h = new L2tpHeader(
                    false,
                    l,
                    s,
                    o,
                    p,
                    L2tpHeader.ABSENT,
                    0x1234,
                    0xBEEF,
                    s ? 7 : L2tpHeader.ABSENT,
                    s ? 9 : L2tpHeader.ABSENT,
                    o ? 3 : L2tpHeader.ABSENT);
            ByteBuf buf = Unpooled.buffer();
            L2tpHeaderWriter.write(h, h.encodedLength() + 5, buf);
            buf.writeBytes(new byte[] {1, 2, 3, 4, 5});

            reader.read(buf);

            L2tpHeader expected = l ? h.withLength(h.encodedLength() + 5) : h;
            assertThat(reader.toHeader()).as("flags %s", bits).isEqualTo(expected);
            assertThat(reader.headerLength()).isEqualTo(h.encodedLength());
            assertThat(reader.payloadLength()).isEqualTo(5);
        }
    }

    @Test
    void readsTheSccrqHeaderOfARealCapture() throws Exception {
        // xl2tpd SCCRQ, first 12 octets (captures/xl2tpd-lac_to_l2tpns_full-ppp frame 1).
        ByteBuf buf = hex("c802006b00000000" + "00000000" + "00".repeat(95));
        reader.read(buf);
        assertThat(reader.control()).isTrue();
        assertThat(reader.messageLength()).isEqualTo(107);
        assertThat(reader.tunnelId()).isZero();
        assertThat(reader.ns()).isZero();
        assertThat(reader.headerLength()).isEqualTo(12);
    }

    @Test
    void ignoresReservedBitsAndOctetsAfterLength() throws Exception {
        // Reserved bits 0x3000 | 0x0400 | 0x00F0 set; Length 12 in a 20-octet datagram.
        ByteBuf buf = hex("FCF2000C00010002" + "00030004" + "AAAAAAAAAAAAAAAA");
        reader.read(buf);
        assertThat(reader.control()).isTrue();
        assertThat(reader.messageLength()).isEqualTo(12);
        assertThat(reader.payloadLength()).isZero();
    }

    @Test
    void recognisesL2fAndL2tpv3() {
        assertReason("0001", Reason.L2F_PACKET);
        assertReason("c8030014000000000000", Reason.L2TPV3_PACKET);
        assertReason("0003000000001234", Reason.L2TPV3_PACKET);
        assertReason("0007", Reason.UNKNOWN_VERSION);
    }

    @Test
    void namesTheTruncatedField() {
        assertThatThrownBy(() -> reader.read(hex("")))
                .isInstanceOf(L2tpDecodeException.class)
                .hasMessageContaining("flags and version at offset 0");
        assertThatThrownBy(() -> reader.read(hex("c802")))
                .isInstanceOf(L2tpDecodeException.class)
                .hasMessageContaining("Length at offset 2");
        assertThatThrownBy(() -> reader.read(hex("c802000c0001")))
                .hasMessageContaining("Tunnel ID and Session ID at offset 4");
        assertThatThrownBy(() -> reader.read(hex("c802000c000100020003")))
                .hasMessageContaining("Ns and Nr at offset 8");
        assertThatThrownBy(() -> reader.read(hex("0202000100020003"))).hasMessageContaining("Offset Size at offset 6");
    }

    @Test
    void rejectsLengthsThatDisagreeWithTheDatagram() {
        assertReason("c802004000000000" + "00000000", Reason.BAD_LENGTH); // Length 64 > 12
        assertReason("c802000800000000" + "00000000", Reason.BAD_LENGTH); // Length 8 < header
        assertReason("0202000100020010" + "0000", Reason.BAD_LENGTH); // offset 16 past the end
    }

    @Test
    void refusesControlMessagesWithoutLengthOrSequence() {
        assertReason("8802000000000000" + "0000", Reason.BAD_VALUE);
        assertReason("c002000c00000000" + "00000000", Reason.BAD_VALUE);
        assertReason("ca02000e00000000" + "000000000000", Reason.BAD_VALUE);
        assertReason("c902000c00000000" + "00000000", Reason.BAD_VALUE);
    }

    private void assertReason(String hex, Reason reason) {
        assertThatThrownBy(() -> reader.read(hex(hex)))
                .isInstanceOfSatisfying(
                        L2tpDecodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }
}
