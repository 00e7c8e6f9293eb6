package io.lns.l2tp.bench;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.header.L2tpHeaderReader;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The data path: the header of every PPP frame is read on the way in and written on the way out.
 * {@code readHeader} is the hot path (one reused {@link L2tpHeaderReader} per thread, no
 * allocation); {@code decodePacket} is the general decoder, which allocates a {@code DataMessage}
 * and a retained slice of the datagram.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dio.netty.leakDetection.level=disabled"})
public class DataHeaderBenchmark {

    /** {@code plain}: l2tpns's 6-octet header (frame 9); {@code length}: xl2tpd's with L=1 (frame 10). */
    @Param({"plain", "length"})
    public String header;

    /** Where the datagram and the output buffer come from; see {@link BenchFrames#allocator}. */
    @Param({"adaptive", "pooled"})
    public String alloc;

    private final L2tpHeaderReader reader = new L2tpHeaderReader();
    private final L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();
    private ByteBuf in;
    private ByteBuf out;
    private L2tpHeader outHeader;
    private int payloadLength;

    @Setup(Level.Trial)
    public void setUp() throws L2tpDecodeException {
        String hex = header.equals("plain") ? BenchFrames.DATA_PLAIN_HEX : BenchFrames.DATA_LENGTH_HEX;
        ByteBufAllocator allocator = BenchFrames.allocator(alloc);
        in = BenchFrames.datagram(allocator, BenchFrames.hex(hex));
        out = BenchFrames.outBuffer(allocator);
        reader.read(in);
        if (reader.control()) throw new IllegalStateException(header + " is not a data message");
        outHeader = reader.toHeader();
        payloadLength = reader.payloadLength();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        in.release();
        out.release();
    }

    @Benchmark
    public void readHeader(Blackhole bh) throws L2tpDecodeException {
        in.readerIndex(0);
        reader.read(in);
        bh.consume(reader.control());
        bh.consume(reader.tunnelId());
        bh.consume(reader.sessionId());
        bh.consume(reader.headerLength());
        bh.consume(reader.payloadLength());
    }

    @Benchmark
    public void decodePacket(Blackhole bh) throws L2tpDecodeException {
        in.readerIndex(0);
        L2tpPacket packet = decoder.decode(in);
        bh.consume(packet);
        ReferenceCountUtil.release(packet);
    }

    @Benchmark
    public void writeHeader(Blackhole bh) {
        out.clear();
        L2tpPacketEncoder.writeDataHeader(outHeader, payloadLength, out);
        bh.consume(out.writerIndex());
    }
}
