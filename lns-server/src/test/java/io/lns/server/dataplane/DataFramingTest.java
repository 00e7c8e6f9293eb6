package io.lns.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class DataFramingTest {

    private static ByteBuf hex(String h) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(h.replace(" ", "")));
    }

    @Test
    void prependsUnsequencedAndSequencedHeadersIntoHeadroom() {
        ByteBuf p = Unpooled.buffer();
        p.writerIndex(DataFraming.HEADROOM).readerIndex(DataFraming.HEADROOM);
        p.writeBytes(new byte[] {0x45, 0x00});
        DataFraming.prependHeaders(p, 0x1234, 0x5678, -1, 0, 0x0021);
        assertThat(ByteBufUtil.hexDump(p)).isEqualTo("0002" + "1234" + "5678" + "ff030021" + "4500");

        ByteBuf q = Unpooled.buffer();
        q.writerIndex(DataFraming.HEADROOM).readerIndex(DataFraming.HEADROOM);
        q.writeByte(0x01);
        DataFraming.prependHeaders(q, 1, 2, 7, 9, 0xC021);
        assertThat(ByteBufUtil.hexDump(q)).isEqualTo("0802" + "0001" + "0002" + "0007" + "0009" + "ff03c021" + "01");
    }
}
