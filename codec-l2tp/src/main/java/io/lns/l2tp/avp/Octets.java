package io.lns.l2tp.avp;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable octet string with value equality, for AVPs whose value is opaque bytes. */
public final class Octets {
    public static final Octets EMPTY = new Octets(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Octets(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Octets of(byte... bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes.clone());
    }

    /** Octets from ints 0..255, for readable literals. */
    public static Octets of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 0xFF) throw new IllegalArgumentException("not an octet: " + values[i]);
            bytes[i] = (byte) values[i];
        }
        return wrap(bytes);
    }

    public static Octets ofHex(String hex) {
        return wrap(HEX.parseHex(hex));
    }

    /** Takes ownership of {@code bytes}; the caller must not change them afterwards. */
    public static Octets wrap(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Octets(bytes);
    }

    public int length() {
        return bytes.length;
    }

    public byte get(int index) {
        return bytes[index];
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** The backing array, for codecs that only read it; never modify it. */
    public byte[] unsafeArray() {
        return bytes;
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Octets other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
