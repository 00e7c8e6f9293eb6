package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetlinkMessageBuilderTest {
    private static final int SEQ = 0x01020304;

    @Test
    void fillsLengthTypeFlagsAndSequenceIntoTheHeader() {
        byte[] message =
                new NetlinkMessageBuilder(0x12, 0x0305, "test").u32(0xaabbccdd).build(SEQ);

        assertThat(Hex.of(message)).isEqualTo("14000000" + "1200" + "0503" + "04030201" + "00000000" + "ddccbbaa");
    }

    @Test
    void padsAttributesToFourBytesButCountsOnlyTheRealLength() {
        byte[] message = new NetlinkMessageBuilder(1, 0, "test")
                .attrU8(7, 0x42)
                .attrString(3, "ab")
                .attrU16(9, 0x1234)
                .build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(Hex.of(Hex.parse("28000000 0100 0000 04030201 00000000"
                        + " 0500 0700 42 000000" // u8: length 5, padded to 8
                        + " 0700 0300 616200 00" // "ab\0": length 7
                        + " 0600 0900 3412 0000"))); // u16: length 6
    }

    @Test
    void nestedAttributeCoversItsChildrenAndCarriesTheNestedFlag() {
        NetlinkMessageBuilder builder = new NetlinkMessageBuilder(1, 0, "test");
        int mark = builder.beginNested(18);
        builder.attrString(1, "ppp").attrU32(2, 5);
        byte[] message = builder.endNested(mark).build(SEQ);

        assertThat(Hex.of(message))
                .isEqualTo(Hex.of(Hex.parse("24000000 0100 0000 04030201 00000000" + " 1400 1280"
                        + " 0800 0100 70707000" + " 0800 0200 05000000")));
    }

    @Test
    void growsBeyondItsInitialBuffer() {
        NetlinkMessageBuilder builder = new NetlinkMessageBuilder(1, 0, "test");
        for (int i = 0; i < 100; i++) {
            builder.attrU32(1, i);
        }

        byte[] message = builder.build(SEQ);

        assertThat(message).hasSize(16 + 100 * 8);
        assertThat(message[16 + 99 * 8 + 4]).isEqualTo((byte) 99);
    }
}
