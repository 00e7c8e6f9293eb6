package io.lns.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML mapping: refuses duplicate and non-name keys on the way in, hands out values by
 * key, and at the end reports every key nobody asked for.
 */
final class MappingReader {

    /** Turns a value node into a T, or reports why not and returns null. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(Node node, String path, BindContext ctx);
    }

    private final BindContext ctx;
    private final String path;
    private final Mark anchor;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    private MappingReader(BindContext ctx, String path, Mark anchor) {
        this.ctx = ctx;
        this.path = path;
        this.anchor = anchor;
    }

    /**
     * A reader over {@code node}, a mapping or absent/null (an empty mapping). {@code anchor} is where
     * problems with the mapping as a whole are reported (usually its key).
     */
    static MappingReader of(Node node, Mark anchor, String path, BindContext ctx) {
        MappingReader r = new MappingReader(ctx, path, anchor != null || node == null ? anchor : node.getStartMark());
        if (node == null || Scalars.isNull(node)) return r;
        if (!(node instanceof MappingNode mapping)) {
            ctx.error(node, path, "expected a mapping of keys, found " + Scalars.describe(node));
            return r;
        }
        for (NodeTuple t : mapping.getValue()) {
            Node k = t.getKeyNode();
            if (k.getTag().equals(Tag.MERGE)) {
                ctx.error(
                        k,
                        path,
                        "merge keys (<<) are not supported; a profile takes what it does not set from"
                                + " its kind's `default` profile");
            } else if (!(k instanceof ScalarNode key) || Scalars.isNull(k)) {
                ctx.error(k, path, "a key must be a plain name, found " + Scalars.describe(k));
            } else {
                NodeTuple first = r.entries.putIfAbsent(key.getValue(), t);
                if (first != null) {
                    ctx.error(
                            k,
                            r.path(key.getValue()),
                            "duplicate key `" + key.getValue() + "` (first at line "
                                    + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
                }
            }
        }
        return r;
    }

    BindContext ctx() {
        return ctx;
    }

    /** The dotted path of {@code key} in this mapping. */
    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path;
    }

    /** Whether {@code key} is present; either way it becomes a known key. */
    boolean has(String key) {
        known.add(key);
        return entries.containsKey(key);
    }

    /** The value node of {@code key}, or null if absent; either way it becomes a known key. */
    Node value(String key) {
        known.add(key);
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** Where {@code key} is written; null if absent. */
    Mark keyMark(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getKeyNode().getStartMark();
    }

    /** All keys present, in file order; all become known (for mappings keyed by profile name). */
    Set<String> keys() {
        known.addAll(entries.keySet());
        return entries.keySet();
    }

    /** The value of {@code key} parsed, or {@code fallback} if the key is absent or its value is wrong. */
    <T> T get(String key, T fallback, Parser<T> parser) {
        Node v = value(key);
        if (v == null) return fallback;
        T t = parser.parse(v, path(key), ctx);
        return t == null ? fallback : t;
    }

    /**
     * The profile name written at {@code key}, recorded to be checked against {@code section} once all
     * profiles are known; null if absent or not a name.
     */
    String reference(String key, String section) {
        Node v = value(key);
        if (v == null) return null;
        String name = Scalars.text(v, path(key), ctx, "a profile name");
        if (name != null) ctx.reference(section, name, v, path(key));
        return name;
    }

    /** Reports a problem with the mapping as a whole. */
    void error(String message) {
        ctx.error(anchor, path, message);
    }

    /** Reports a problem at the value of the first of {@code keys} present; false if none is. */
    boolean errorAtFirstPresent(String message, String... keys) {
        for (String k : keys) {
            NodeTuple t = entries.get(k);
            if (t != null) {
                ctx.error(t.getValueNode(), path(k), message);
                return true;
            }
        }
        return false;
    }

    /** Reports every key present that no one asked for; {@code emptyHint} explains a mapping that takes no keys. */
    void rejectUnknown(String emptyHint) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String key = e.getKey();
            if (known.contains(key)) continue;
            String msg = "unknown key `" + key + "`";
            String near = Suggest.nearest(key, known);
            if (known.isEmpty() && emptyHint != null) msg += "; " + emptyHint;
            else if (near != null) msg += "; did you mean `" + near + "`?";
            else if (!known.isEmpty()) msg += "; known keys: " + String.join(", ", known);
            ctx.error(e.getValue().getKeyNode(), path(key), msg);
        }
    }
}
