package io.lns.l2tp.property;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.quicktheories.QuickTheory;

/** Shared set-up of the property tests: a fixed seed (override with -Dlns.qt.seed=N) and codecs. */
final class Properties {
    static final long SEED = Long.getLong("lns.qt.seed", 2661L);
    static final L2tpPacketEncoder ENCODER = L2tpPacketEncoder.standard();
    static final L2tpPacketDecoder DECODER = L2tpPacketDecoder.standard();

    private Properties() {}

    static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withShrinkCycles(200);
    }

    static byte[] encode(ControlMessage message, HidingKey hiding) {
        ByteBuf out = Unpooled.buffer();
        try {
            ENCODER.encode(message, out, hiding);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static ControlMessage decodeControl(byte[] wire, TunnelSecret secret) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        try {
            L2tpPacket packet = DECODER.decode(in, secret);
            if (!(packet instanceof ControlMessage c)) throw new AssertionError("not a control message: " + packet);
            return c;
        } catch (L2tpDecodeException e) {
            throw new AssertionError("decoding an encoded message failed: " + e.getMessage(), e);
        } finally {
            in.release();
        }
    }
}
