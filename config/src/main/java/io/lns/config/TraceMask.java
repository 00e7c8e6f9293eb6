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

    /**
     * Parses a mask as written on a command line: a number (decimal or 0x hex) or a
     * comma-separated list of category names, ALL or NONE; case does not matter.
     *
     * @throws IllegalArgumentException naming what is not a category
     */
    public static TraceMask parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) return NONE;
        if (Character.isDigit(t.charAt(0))) {
            boolean hex = t.startsWith("0x") || t.startsWith("0X");
            return new TraceMask(Integer.parseInt(hex ? t.substring(2) : t, hex ? 16 : 10));
        }
        int bits = 0;
        for (String part : t.split(",")) {
            String name = part.trim().toUpperCase(java.util.Locale.ROOT);
            switch (name) {
                case "ALL" -> bits |= ALL.bits;
                case "NONE" -> {}
                default -> {
                    try {
                        bits |= TraceCategory.valueOf(name).bit();
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown trace category '" + part.trim() + "'");
                    }
                }
            }
        }
        return new TraceMask(bits);
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
