package io.lns.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Scalar values from YAML nodes. Each reader reports what is wrong and returns null. Messages quote
 * the offending value through {@link BindContext#quote}, which never shows a secret.
 */
final class Scalars {

    private Scalars() {}

    static boolean isNull(Node n) {
        return n instanceof ScalarNode && n.getTag().equals(Tag.NULL);
    }

    /** What a node is, for messages: "a mapping", "a list", "an integer", "a string", ... */
    static String describe(Node n) {
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        Tag t = n.getTag();
        if (t.equals(Tag.NULL)) return "no value";
        if (t.equals(Tag.INT)) return "an integer";
        if (t.equals(Tag.FLOAT)) return "a number";
        if (t.equals(Tag.BOOL)) return "a boolean";
        return "a string";
    }

    /** The text of any non-null scalar (what was written, whatever YAML would make of it). */
    static String text(Node n, String path, BindContext ctx, String expected) {
        if (n instanceof ScalarNode s && !isNull(n)) return s.getValue();
        ctx.error(n, path, "expected " + expected + ", found " + describe(n));
        return null;
    }

    static Integer integer(Node n, String path, BindContext ctx, long min, long max) {
        if (!(n instanceof ScalarNode s) || !n.getTag().equals(Tag.INT)) {
            String hint = n instanceof ScalarNode s && s.getValue().matches("[-+]?\\d+") ? " (remove the quotes)" : "";
            ctx.error(n, path, "expected an integer, found " + describe(n) + hint);
            return null;
        }
        String v = s.getValue().replace("_", "");
        String digits = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
        Long value = null;
        try {
            if (digits.startsWith("0x")) value = Long.parseLong(v.replace("0x", ""), 16);
            else if (digits.startsWith("0b")) value = Long.parseLong(v.replace("0b", ""), 2);
            else if (digits.length() > 1 && digits.startsWith("0")) {
                ctx.error(n, path, ctx.quote(s.getValue()) + ": a leading 0 makes YAML read an octal number; drop it");
                return null;
            } else if (!digits.contains(":")) value = Long.parseLong(v);
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null) {
            ctx.error(n, path, ctx.quote(s.getValue()) + " is not an integer this config understands");
            return null;
        }
        if (value < min || value > max) {
            ctx.error(n, path, value + " is out of range " + min + ".." + max);
            return null;
        }
        return value.intValue();
    }

    static Boolean bool(Node n, String path, BindContext ctx) {
        if (n instanceof ScalarNode s && n.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on");
        }
        ctx.error(n, path, "expected true or false, found " + describe(n));
        return null;
    }

    static Double decimal(Node n, String path, BindContext ctx, double min, double max) {
        if (!(n instanceof ScalarNode s)
                || !(n.getTag().equals(Tag.INT) || n.getTag().equals(Tag.FLOAT))) {
            ctx.error(n, path, "expected a number, found " + describe(n));
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(s.getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (Double.isNaN(d) || d <= min || d > max) {
            ctx.error(
                    n,
                    path,
                    ctx.quote(s.getValue()) + " is out of range: more than " + fmt(min) + ", at most " + fmt(max));
            return null;
        }
        return d;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    static Duration duration(Node n, String path, BindContext ctx, Duration min, Duration max) {
        String text = text(n, path, ctx, "a duration such as 500ms, 60s or 1m");
        if (text == null) return null;
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.error(n, path, ctx.quote(text) + ": " + e.getMessage());
            return null;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            ctx.error(n, path, text + " is out of range " + Durations.format(min) + ".." + Durations.format(max));
            return null;
        }
        return d;
    }

    /** One of the words in {@code words} (which maps the written form to the value). */
    static <E> E word(Node n, String path, BindContext ctx, Map<String, E> words) {
        String text = text(n, path, ctx, "one of " + String.join(", ", words.keySet()));
        if (text == null) return null;
        E e = words.get(text.toLowerCase(Locale.ROOT));
        if (e == null) ctx.error(n, path, ctx.quote(text) + " is not one of " + String.join(", ", words.keySet()));
        return e;
    }

    /** A tunnel secret; the empty string means "no secret". Never quotes the value. */
    static Optional<Secret> secret(Node n, String path, BindContext ctx) {
        if (!(n instanceof ScalarNode s) || isNull(n)) {
            ctx.error(n, path, "expected a string, found " + describe(n));
            return null;
        }
        return s.getValue().isEmpty() ? Optional.empty() : Optional.of(Secret.of(s.getValue()));
    }

    /** The items of a list; a single scalar counts as a list of one. */
    static List<Node> items(Node n, String path, BindContext ctx) {
        if (n instanceof SequenceNode seq) return seq.getValue();
        if (n instanceof ScalarNode && !isNull(n)) return List.of(n);
        ctx.error(n, path, "expected a list, found " + describe(n));
        return null;
    }

    static MappingReader.Parser<Integer> ints(long min, long max) {
        return (n, path, ctx) -> integer(n, path, ctx, min, max);
    }

    static MappingReader.Parser<Duration> durations(Duration min, Duration max) {
        return (n, path, ctx) -> duration(n, path, ctx, min, max);
    }

    static <E> MappingReader.Parser<E> words(Map<String, E> words) {
        return (n, path, ctx) -> word(n, path, ctx, words);
    }
}
