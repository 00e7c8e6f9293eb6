package io.lns.server.dataplane;

import java.util.ArrayList;
import java.util.List;

/** An IPv4 range as the fewest CIDR prefixes that cover it exactly (routes want prefixes). */
public final class Prefixes {
    /** {@code address} (as an unsigned int in a long) / {@code length}. */
    public record Prefix(long address, int length) {}

    private Prefixes() {}

    public static List<Prefix> cover(long first, long last) {
        if (first > last || first < 0 || last > 0xFFFFFFFFL) throw new IllegalArgumentException("bad range");
        List<Prefix> out = new ArrayList<>();
        long at = first;
        while (at <= last) {
            int size = at == 0 ? 32 : Long.numberOfTrailingZeros(at); // alignment of `at`
            while (size > 0 && at + (1L << size) - 1 > last) size--;
            out.add(new Prefix(at, 32 - size));
            at += 1L << size;
        }
        return out;
    }
}
