package io.lns.l2tp.message;

import io.lns.l2tp.header.L2tpHeader;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * A data message: header plus the PPP frame it carries, as a retained slice of the datagram (no
 * copy). Whoever receives it releases it once, like any Netty buffer.
 */
public record DataMessage(L2tpHeader header, ByteBuf payload) implements L2tpPacket, ReferenceCounted {

    public DataMessage {
        if (header.control()) throw new IllegalArgumentException("a data message needs a data header");
    }

    @Override
    public int refCnt() {
        return payload.refCnt();
    }

    @Override
    public DataMessage retain() {
        payload.retain();
        return this;
    }

    @Override
    public DataMessage retain(int increment) {
        payload.retain(increment);
        return this;
    }

    @Override
    public DataMessage touch() {
        payload.touch();
        return this;
    }

    @Override
    public DataMessage touch(Object hint) {
        payload.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return payload.release();
    }

    @Override
    public boolean release(int decrement) {
        return payload.release(decrement);
    }
}
