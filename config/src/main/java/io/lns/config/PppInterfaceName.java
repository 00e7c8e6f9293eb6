package io.lns.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a session's ppp interface gets in the kernel data path ({@code system.ppp-interface}):
 * a pattern with {@code {unit}} (the ppp unit number the kernel chose), {@code {tunnel}} and {@code
 * {session}} (our L2TP ids). The default {@code ppp{unit}} keeps the kernel's own name; any other
 * pattern is applied by renaming the interface while it is down.
 *
 * <p>The pattern must make names unique (it has {@code {unit}}, or both {@code {tunnel}} and {@code
 * {session}}) and every expansion must fit the kernel's 15 characters: {@code {unit}} and the ids
 * expand to at most 5 digits each (units above 99999 are not used with a custom pattern, sessions
 * above that are not possible).
 */
public record PppInterfaceName(String pattern) {
    private static final Pattern TOKEN = Pattern.compile("\\{(unit|tunnel|session)}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9_.-]*");
    private static final int IFNAMSIZ = 15;
    private static final int MAX_DIGITS = 5;

    /** The kernel's own name: no rename. (Declared after the patterns its check uses.) */
    public static final PppInterfaceName KERNEL_DEFAULT = new PppInterfaceName("ppp{unit}");

    public PppInterfaceName {
        String problem = problem(pattern);
        if (problem != null) throw new IllegalArgumentException(problem);
    }

    /** The pattern, checked; the exception's message says what is wrong. */
    public static PppInterfaceName parse(String pattern) {
        return new PppInterfaceName(pattern);
    }

    private static String problem(String pattern) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder literal = new StringBuilder();
        int at = 0;
        int longest = 0;
        boolean unit = false, tunnel = false, session = false;
        while (m.find()) {
            literal.append(pattern, at, m.start());
            at = m.end();
            longest += MAX_DIGITS;
            switch (m.group(1)) {
                case "unit" -> unit = true;
                case "tunnel" -> tunnel = true;
                default -> session = true;
            }
        }
        literal.append(pattern.substring(at));
        if (!LITERAL.matcher(literal).matches()) {
            return "outside {unit}, {tunnel} and {session} an interface name has only A-Z a-z 0-9 _ . -";
        }
        if (!unit && !(tunnel && session)) {
            return "the names must be unique: use {unit}, or both {tunnel} and {session}";
        }
        longest += literal.length();
        if (longest > IFNAMSIZ) {
            return "names could reach " + longest + " characters (ids count 5 digits each); Linux allows " + IFNAMSIZ;
        }
        return null;
    }

    /** True when names are the kernel's own ({@code ppp<unit>}), so no rename is needed. */
    public boolean kernelDefault() {
        return pattern.equals(KERNEL_DEFAULT.pattern);
    }

    /** The name of unit {@code unit}, carrying L2TP tunnel {@code tunnel} and session {@code session}. */
    public String expand(int unit, int tunnel, int session) {
        return pattern.replace("{unit}", Integer.toString(unit))
                .replace("{tunnel}", Integer.toString(tunnel))
                .replace("{session}", Integer.toString(session));
    }
}
