package io.lns.l2tp.avp;

/** Range checks for AVP value constructors: values that cannot be encoded are refused at once. */
final class AvpChecks {
    private AvpChecks() {}

    static void u8(String name, int v) {
        if (v < 0 || v > 0xFF) throw new IllegalArgumentException(name + " out of 0..255: " + v);
    }

    static void u16(String name, int v) {
        if (v < 0 || v > 0xFFFF) throw new IllegalArgumentException(name + " out of 0..65535: " + v);
    }

    static void u32(String name, long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException(name + " out of 0..2^32-1: " + v);
    }

    static void notNull(String name, Object v) {
        if (v == null) throw new IllegalArgumentException(name + " is null");
    }

    static void notEmpty(String name, String v) {
        notNull(name, v);
        if (v.isEmpty()) throw new IllegalArgumentException(name + " must have at least one octet");
    }

    static void notEmpty(String name, Octets v) {
        notNull(name, v);
        if (v.length() == 0) throw new IllegalArgumentException(name + " must have at least one octet");
    }

    static void length(String name, Octets v, int min, int max) {
        notNull(name, v);
        if (v.length() < min || v.length() > max) {
            throw new IllegalArgumentException(name + " must have " + min + ".." + max + " octets, not " + v.length());
        }
    }
}
