package io.lns.ppp.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PppFrameTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void decodesFrameWithAddressControlAndFullProtocol() {
        PppFrame f = PppFrame.decode(Unpooled.wrappedBuffer(hex("ff03c021018f000e0104058205065e552f40")));
        assertThat(f.protocol()).isEqualTo(PppFrame.LCP);
        assertThat(f.information()).isEqualTo(hex("018f000e0104058205065e552f40"));
        assertThat(f.encode()).isEqualTo(hex("ff03c021018f000e0104058205065e552f40"));
    }

    @Test
    void decodesCompressedAddressControlAndProtocol() {
        PppFrame f = PppFrame.decode(hex("2145"));
        assertThat(f.protocol()).isEqualTo(PppFrame.IPV4);
        assertThat(f.information()).containsExactly(0x45);
        assertThat(f.encode(true, true)).isEqualTo(hex("2145"));
        assertThat(f.encode(true, false)).isEqualTo(hex("002145"));
    }

    @Test
    void rejectsBadFramesNamingTheField() {
        assertThatThrownBy(() -> PppFrame.decode(new byte[0]))
                .isInstanceOf(PppDecodeException.class)
                .extracting(e -> ((PppDecodeException) e).field())
                .isEqualTo("protocol");
        assertThatThrownBy(() -> PppFrame.decode(hex("ff05c021")))
                .isInstanceOf(PppDecodeException.class)
                .hasMessageStartingWith("control");
        assertThatThrownBy(() -> PppFrame.decode(hex("ff03"))).hasMessageStartingWith("protocol");
        assertThatThrownBy(() -> PppFrame.decode(hex("ff03c0"))).hasMessageStartingWith("protocol");
        assertThatThrownBy(() -> PppFrame.decode(hex("c020"))).hasMessageContaining("odd");
    }

    @Test
    void controlPacketDropsPaddingAndChecksLength() {
        ControlPacket p = ControlPacket.decode(hex("0901000800000000ffff"));
        assertThat(p.code()).isEqualTo(ControlPacket.ECHO_REQUEST);
        assertThat(p.identifier()).isEqualTo(1);
        assertThat(p.data()).hasSize(4);
        assertThat(p.encode()).isEqualTo(hex("0901000800000000"));
        assertThatThrownBy(() -> ControlPacket.decode(hex("0901")))
                .isInstanceOf(PppDecodeException.class)
                .hasMessageContaining("shorter than the header");
        assertThatThrownBy(() -> ControlPacket.decode(hex("09010003"))).hasMessageContaining("less than 4");
        assertThatThrownBy(() -> ControlPacket.decode(hex("09010009000000"))).hasMessageContaining("exceeds");
    }

    @Test
    void parsesOptionsOfTheCapturedConfigureRequest() {
        List<ConfigOption> options = ConfigOption.decodeAll(hex("010405b60304c02305066b0158d11104064e1307020a3ffffe"));
        assertThat(options).extracting(ConfigOption::type).containsExactly(1, 3, 5, 17, 19);
        assertThat(options.get(4).value()).isEqualTo(hex("020a3ffffe"));
        assertThat(ConfigOption.encodeAll(options))
                .isEqualTo(hex("010405b60304c02305066b0158d11104064e1307020a3ffffe"));
    }

    @Test
    void rejectsTruncatedOrShortOptions() {
        assertThatThrownBy(() -> ConfigOption.decodeAll(hex("01"))).isInstanceOf(PppDecodeException.class);
        assertThatThrownBy(() -> ConfigOption.decodeAll(hex("0101"))).hasMessageContaining("< 2");
        assertThatThrownBy(() -> ConfigOption.decodeAll(hex("010405"))).hasMessageContaining("runs past");
    }

    private static ByteBuf buf(String h) {
        return Unpooled.wrappedBuffer(hex(h.replace(" ", "")));
    }

    @Test
    void readsTheHeaderInPlaceWithAndWithoutAddressControlAndCompression() {
        ByteBuf full = buf("ff03 c021 01");
        assertThat(PppFrame.readHeader(full)).isEqualTo(0xC021);
        assertThat(full.readerIndex()).isEqualTo(4);

        ByteBuf noAc = buf("0021 45");
        assertThat(PppFrame.readHeader(noAc)).isEqualTo(0x21);
        assertThat(noAc.readerIndex()).isEqualTo(2);

        ByteBuf pfc = buf("ff03 21 45");
        assertThat(PppFrame.readHeader(pfc)).isEqualTo(0x21);
        assertThat(pfc.readerIndex()).isEqualTo(3);
    }

    @Test
    void readHeaderReportsMalformedHeadersWithoutMovingTheIndex() {
        assertThat(PppFrame.readHeader(buf("ff03"))).isEqualTo(PppFrame.NO_PROTOCOL);
        assertThat(PppFrame.readHeader(buf("ff03 c0"))).isEqualTo(PppFrame.TRUNCATED_PROTOCOL);
        ByteBuf even = buf("c020 00"); // low octet even: not a protocol field
        assertThat(PppFrame.readHeader(even)).isEqualTo(PppFrame.EVEN_PROTOCOL);
        assertThat(even.readerIndex()).isZero();
        assertThat(PppFrame.readHeader(Unpooled.EMPTY_BUFFER)).isEqualTo(PppFrame.NO_PROTOCOL);
        assertThat(PppFrame.readHeader(buf("ff05 c021"))).isEqualTo(PppFrame.BAD_CONTROL);
    }
}
