package io.lns.l2tp.avp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Codecs for the value shapes most AVPs share. Text is mapped octet-for-character (ISO-8859-1) so
 * any octets round-trip unchanged; RFC 2661 gives names no character set.
 */
public final class AvpCodecs {
    private AvpCodecs() {}

    /** Decodes one value from a fixed-size field; the length has already been checked. */
    @FunctionalInterface
    public interface FieldReader<V> {
        V read(ByteBuf buf, int index, int length) throws AvpValueException;
    }

    /** A value of exactly {@code size} octets. */
    public static <V extends AvpValue> AvpCodec<V> fixed(
            String what, int size, FieldReader<V> reader, java.util.function.BiConsumer<V, ByteBuf> writer) {
        return sized(what, size, size, reader, writer);
    }

    /** A value of {@code min..max} octets, read and written by the given functions. */
    public static <V extends AvpValue> AvpCodec<V> sized(
            String what, int min, int max, FieldReader<V> reader, java.util.function.BiConsumer<V, ByteBuf> writer) {
        return new AvpCodec<>() {
            @Override
            public V decode(ByteBuf buf, int index, int length) throws AvpValueException {
                checkLength(what, length, min, max);
                return reader.read(buf, index, length);
            }

            @Override
            public void encode(V value, ByteBuf out) {
                writer.accept(value, out);
            }
        };
    }

    public static <V extends AvpValue> AvpCodec<V> uint8(String what, IntFunction<V> make, ToIntFunction<V> get) {
        return fixed(
                what, 1, (b, i, l) -> make.apply(b.getUnsignedByte(i)), (v, out) -> out.writeByte(get.applyAsInt(v)));
    }

    public static <V extends AvpValue> AvpCodec<V> uint16(String what, IntFunction<V> make, ToIntFunction<V> get) {
        return fixed(
                what, 2, (b, i, l) -> make.apply(b.getUnsignedShort(i)), (v, out) -> out.writeShort(get.applyAsInt(v)));
    }

    public static <V extends AvpValue> AvpCodec<V> uint32(String what, LongFunction<V> make, ToLongFunction<V> get) {
        return fixed(
                what,
                4,
                (b, i, l) -> make.apply(b.getUnsignedInt(i)),
                (v, out) -> out.writeInt((int) get.applyAsLong(v)));
    }

    public static <V extends AvpValue> AvpCodec<V> uint64(String what, LongFunction<V> make, ToLongFunction<V> get) {
        return fixed(what, 8, (b, i, l) -> make.apply(b.getLong(i)), (v, out) -> out.writeLong(get.applyAsLong(v)));
    }

    public static <V extends AvpValue> AvpCodec<V> text(
            String what, int minLength, Function<String, V> make, Function<V, String> get) {
        return sized(
                what,
                minLength,
                Integer.MAX_VALUE,
                (b, i, l) -> make.apply(b.toString(i, l, StandardCharsets.ISO_8859_1)),
                (v, out) -> writeText(get.apply(v), out));
    }

    public static <V extends AvpValue> AvpCodec<V> octets(
            String what, int min, int max, Function<Octets, V> make, Function<V, Octets> get) {
        return sized(
                what,
                min,
                max,
                (b, i, l) -> make.apply(readOctets(b, i, l)),
                (v, out) -> out.writeBytes(get.apply(v).unsafeArray()));
    }

    public static <V extends AvpValue> AvpCodec<V> empty(String what, Supplier<V> make) {
        return fixed(what, 0, (b, i, l) -> make.get(), (v, out) -> {});
    }

    public static Octets readOctets(ByteBuf buf, int index, int length) {
        byte[] bytes = new byte[length];
        buf.getBytes(index, bytes);
        return Octets.wrap(bytes);
    }

    public static String readText(ByteBuf buf, int index, int length) {
        return buf.toString(index, length, StandardCharsets.ISO_8859_1);
    }

    public static void writeText(String text, ByteBuf out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xFF)
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " is not one octet");
            out.writeByte(c);
        }
    }

    static void checkLength(String what, int length, int min, int max) throws AvpValueException {
        if (length < min || length > max) {
            String expected =
                    min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + ".." + max;
            throw new AvpValueException(what + " value must be " + expected + " octets, got " + length);
        }
    }
}
