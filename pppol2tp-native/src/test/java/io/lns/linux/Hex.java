package io.lns.linux;

import java.util.HexFormat;

/** Hex helpers for exact-byte assertions; spaces in expectations are for the reader only. */
final class Hex {
    private Hex() {}

    static String of(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] parse(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }
}
