package io.lns.ppp.frame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** One Configuration Option (RFC 1661 §6): type, length, value. {@link #value()} excludes type and length. */
public record ConfigOption(int type, byte[] value) {
    public ConfigOption {
        if (type < 0 || type > 0xFF || value.length > 0xFF - 2) {
            throw new IllegalArgumentException("bad option type " + type + " or value length " + value.length);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Parses the options of a Configure-Request/Ack/Nak/Reject. */
    public static List<ConfigOption> decodeAll(byte[] data) {
        List<ConfigOption> options = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            if (data.length - i < 2) {
                throw new PppDecodeException("option", "truncated option header at offset " + i);
            }
            int type = data[i] & 0xFF;
            int length = data[i + 1] & 0xFF;
            if (length < 2) {
                throw new PppDecodeException("option", "option " + type + " has length " + length + " < 2");
            }
            if (i + length > data.length) {
                throw new PppDecodeException(
                        "option", "option " + type + " of length " + length + " runs past the packet");
            }
            options.add(new ConfigOption(type, Arrays.copyOfRange(data, i + 2, i + length)));
            i += length;
        }
        return options;
    }

    public static byte[] encodeAll(List<ConfigOption> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ConfigOption o : options) {
            out.write(o.type);
            out.write(o.value.length + 2);
            out.writeBytes(o.value);
        }
        return out.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigOption c && c.type == type && Arrays.equals(c.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "ConfigOption[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}
