package io.lns.l2tp.fuzz;

import static io.lns.l2tp.fuzz.FuzzChecks.check;
import static io.lns.l2tp.fuzz.FuzzChecks.checkEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.fuzz.FuzzChecks.Outcome;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.header.L2tpHeaderReader;
import io.lns.l2tp.message.DataMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** (c) Fuzz target for {@link L2tpHeaderReader#read} on arbitrary datagrams. */
class HeaderReaderFuzzTest {
    /** Reused across inputs, as the data path reuses one per thread: no state may leak between reads. */
    private static final L2tpHeaderReader REUSED = new L2tpHeaderReader();

    @FuzzTest
    void read(byte[] data) {
        L2tpHeaderReader fresh = new L2tpHeaderReader();
        L2tpDecodeException freshError = read(fresh, data);
        L2tpDecodeException reusedError = read(REUSED, data);
        check((freshError == null) == (reusedError == null), "a reused reader decides differently");
        Outcome decoded = FuzzChecks.decode(data, null);
        if (freshError != null) {
            check(decoded.rejected(), "the decoder accepts what the header reader rejects");
            checkEquals(freshError.reason(), decoded.error().reason(), "reason");
            checkEquals(freshError.field(), decoded.error().field(), "field");
            checkEquals(freshError.offset(), decoded.error().offset(), "offset");
            return;
        }
        L2tpHeader header = fresh.toHeader(); // validates every field again
        checkEquals(header, REUSED.toHeader(), "a reused reader reads differently");
        checkEquals(fresh.headerLength(), REUSED.headerLength(), "header length of a reused reader");
        checkEquals(fresh.messageLength(), REUSED.messageLength(), "message length of a reused reader");
        check(fresh.headerLength() == header.encodedLength(), "header length disagrees with the header");
        check(fresh.headerLength() <= fresh.messageLength(), "header longer than the message");
        check(fresh.messageLength() <= data.length, "message longer than the datagram");
        check(fresh.payloadLength() == fresh.messageLength() - fresh.headerLength(), "payload length");
        check(!header.lengthPresent() || header.length() == fresh.messageLength(), "Length field vs message length");
        if (!header.control()) {
            check(decoded.packet() instanceof DataMessage, "a data header the decoder does not accept");
        }
        if (!decoded.rejected()) checkEquals(header, decoded.packet().header(), "decoder header");
    }

    private static L2tpDecodeException read(L2tpHeaderReader reader, byte[] data) {
        ByteBuf buf = Unpooled.wrappedBuffer(data);
        try {
            reader.read(buf);
            check(buf.readerIndex() == 0 && buf.writerIndex() == data.length, "the reader moved the indexes");
            return null;
        } catch (L2tpDecodeException e) {
            return e;
        }
    }
}
