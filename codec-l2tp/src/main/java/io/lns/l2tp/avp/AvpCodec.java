package io.lns.l2tp.avp;

import io.netty.buffer.ByteBuf;

/**
 * Reads and writes the value field of one AVP type. Implementations read with absolute indexes
 * only inside {@code [index, index + length)}, so a bad value can never read past its AVP.
 */
public interface AvpCodec<V extends AvpValue> {

    V decode(ByteBuf buf, int index, int length) throws AvpValueException;

    void encode(V value, ByteBuf out);
}
