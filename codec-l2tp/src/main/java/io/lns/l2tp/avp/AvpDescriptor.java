package io.lns.l2tp.avp;

import io.netty.buffer.ByteBuf;

/**
 * What the codec knows about one AVP type: its (vendor, type) key, name, value class and codec,
 * and the M bit a sender sets by default (RFC 2661 §4.4 gives it per AVP).
 */
public record AvpDescriptor<V extends AvpValue>(
        int vendorId, int type, String name, Class<V> valueClass, AvpCodec<V> codec, boolean mandatoryByDefault) {

    /** Key combining vendor and type, for maps. */
    public static long key(int vendorId, int type) {
        return ((long) vendorId << 16) | type;
    }

    public long key() {
        return key(vendorId, type);
    }

    /** Encodes a value of this descriptor's class (checked by the caller through the dictionary). */
    public void encodeValue(AvpValue value, ByteBuf out) {
        codec.encode(valueClass.cast(value), out);
    }
}
