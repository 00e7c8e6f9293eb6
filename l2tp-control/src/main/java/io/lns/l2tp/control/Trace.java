package io.lns.l2tp.control;

/**
 * Trace categories, with OpenL2TP's bit values (openl2tpd(8) trace_flags) so operators' masks keep
 * their meaning. A tunnel or session traces the categories in its mask; off by default.
 */
public final class Trace {
    private Trace() {}

    public static final int PROTOCOL = 1;
    public static final int FSM = 2;
    public static final int API = 4;
    public static final int AVP = 8;
    public static final int AVP_HIDE = 16;
    public static final int AVP_DATA = 32;
    public static final int FUNC = 64;
    public static final int XPRT = 128;
    public static final int DATA = 256;
    public static final int SYSTEM = 512;
    public static final int PPP = 1024;
    public static final int ALL = 2047;

    private static final String[] NAMES = {
        "PROTOCOL", "FSM", "API", "AVP", "AVP_HIDE", "AVP_DATA", "FUNC", "XPRT", "DATA", "SYSTEM", "PPP"
    };

    /** The name of a single category bit. */
    public static String name(int category) {
        int bit = Integer.numberOfTrailingZeros(category);
        return bit < NAMES.length ? NAMES[bit] : "0x" + Integer.toHexString(category);
    }

    /**
     * Parses a mask written as a number (decimal or 0x hex) or a comma-separated list of names
     * ("PROTOCOL,FSM", "ALL"); case does not matter.
     *
     * @throws IllegalArgumentException naming the unknown category
     */
    public static int parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) return 0;
        if (Character.isDigit(t.charAt(0))) {
            return t.startsWith("0x") || t.startsWith("0X")
                    ? Integer.parseInt(t.substring(2), 16)
                    : Integer.parseInt(t);
        }
        int mask = 0;
        for (String part : t.split(",")) {
            String p = part.trim().toUpperCase(java.util.Locale.ROOT);
            if (p.equals("ALL")) {
                mask |= ALL;
                continue;
            }
            int i = java.util.Arrays.asList(NAMES).indexOf(p);
            if (i < 0) throw new IllegalArgumentException("unknown trace category '" + part.trim() + "'");
            mask |= 1 << i;
        }
        return mask;
    }
}
