package io.lns.l2tp.bench;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
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
 * Decoding a control datagram into a {@link ControlMessage} (header, typed AVPs), and encoding one
 * into a reused direct buffer, both in buffers of Netty's default (adaptive, pooling) allocator.
 * No hidden AVPs, no tunnel secret.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dio.netty.leakDetection.level=disabled"})
public class ControlMessageBenchmark {

    /** SCCRQ and ICRQ are captured xl2tpd frames, ZLB a captured l2tpns one; ICCN and HELLO are built. */
    @Param({"SCCRQ", "ICRQ", "ICCN", "HELLO", "ZLB"})
    public String message;

    private final L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();
    private final L2tpPacketEncoder encoder = L2tpPacketEncoder.standard();
    private ByteBuf in;
    private ByteBuf out;
    private ControlMessage decoded;

    @Setup(Level.Trial)
    public void setUp() throws L2tpDecodeException {
        byte[] wire = wire(message);
        ByteBufAllocator alloc = BenchFrames.allocator("adaptive");
        in = BenchFrames.datagram(alloc, wire);
        out = BenchFrames.outBuffer(alloc);
        decoded = (ControlMessage) decoder.decode(in);
        // The encoder must give back the very octets decoded, or the two benchmarks measure different work.
        encoder.encode(decoded, out);
        if (!Arrays.equals(ByteBufUtil.getBytes(out), wire)) {
            throw new IllegalStateException(message + " does not re-encode to its wire octets");
        }
    }

    static byte[] wire(String message) {
        return switch (message) {
            case "SCCRQ" -> BenchFrames.hex(BenchFrames.SCCRQ_HEX);
            case "ICRQ" -> BenchFrames.hex(BenchFrames.ICRQ_HEX);
            case "ICCN" -> BenchFrames.encode(BenchFrames.iccnWithProxyLcp());
            case "HELLO" -> BenchFrames.encode(BenchFrames.hello());
            case "ZLB" -> BenchFrames.hex(BenchFrames.ZLB_HEX);
            default -> throw new IllegalArgumentException("unknown message " + message);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        in.release();
        out.release();
    }

    @Benchmark
    public L2tpPacket decode() throws L2tpDecodeException {
        in.readerIndex(0);
        return decoder.decode(in);
    }

    @Benchmark
    public void encode(Blackhole bh) {
        out.clear();
        encoder.encode(decoded, out);
        bh.consume(out.writerIndex());
    }
}
