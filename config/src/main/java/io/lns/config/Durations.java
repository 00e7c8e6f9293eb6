package io.lns.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the config file writes them: a whole number and a unit, {@code 500ms}, {@code 60s}, {@code 1m}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {}

    /**
     * Parses {@code <digits><unit>} with unit {@code ms}, {@code s}, {@code m} or {@code h}; a bare
     * {@code 0} is also accepted.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static Duration parse(String text) {
        String t = text.strip();
        if (t.equals("0")) return Duration.ZERO;
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            if (t.matches("\\d+")) {
                throw new IllegalArgumentException("a duration needs a unit: ms, s, m or h (60s, not 60)");
            }
            throw new IllegalArgumentException("not a duration; write a whole number and a unit: 500ms, 60s, 1m, 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** The shortest exact form in the config syntax: {@code 1m} rather than {@code 60s}; {@code 0s} for zero. */
    public static String format(Duration d) {
        if (d.isZero()) return "0s";
        long ms = d.toMillis();
        if (!d.equals(Duration.ofMillis(ms))) return d.toString();
        if (ms % 3_600_000 == 0) return ms / 3_600_000 + "h";
        if (ms % 60_000 == 0) return ms / 60_000 + "m";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }
}
