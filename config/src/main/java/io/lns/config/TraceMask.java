package io.lns.config;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/** A set of {@link TraceCategory trace categories} as a bit mask (OpenL2TP's values). */
public record TraceMask(int bits) {

    public static final TraceMask NONE = new TraceMask(0);
    public static final TraceMask ALL = new TraceMask((1 << TraceCategory.values().length) - 1);

    public TraceMask {
        if ((bits & ~((1 << TraceCategory.values().length) - 1)) != 0) {
            throw new IllegalArgumentException("trace mask has bits beyond " + TraceCategory.PPP);
        }
    }

    public static TraceMask of(TraceCategory... categories) {
        int b = 0;
        for (TraceCategory c : categories) b |= c.bit();
        return new TraceMask(b);
    }

    public boolean contains(TraceCategory c) {
        return (bits & c.bit()) != 0;
    }

    public Set<TraceCategory> categories() {
        EnumSet<TraceCategory> s = EnumSet.noneOf(TraceCategory.class);
        for (TraceCategory c : TraceCategory.values()) if (contains(c)) s.add(c);
        return s;
    }

    /** {@code NONE}, or the category names joined by {@code |}. */
    @Override
    public String toString() {
        if (bits == 0) return "NONE";
        StringJoiner j = new StringJoiner("|");
        for (TraceCategory c : categories()) j.add(c.name());
        return j.toString();
    }
}
