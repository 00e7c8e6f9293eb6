package io.lns.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/** Domain values from YAML nodes: trace masks, addresses, prefixes, host names. Null means reported. */
final class Values {

    private static final String CATEGORIES =
            Arrays.stream(TraceCategory.values()).map(Enum::name).collect(Collectors.joining(", "));

    private Values() {}

    /** A trace mask: a number, a category name, ALL, NONE, or a list of names and numbers. */
    static TraceMask trace(Node n, String path, BindContext ctx) {
        List<Node> items = Scalars.items(n, path, ctx);
        if (items == null) return null;
        int bits = 0;
        boolean ok = true;
        for (Node item : items) {
            Integer b = traceItem(item, path, ctx);
            if (b == null) ok = false;
            else bits |= b;
        }
        return ok ? new TraceMask(bits) : null;
    }

    private static Integer traceItem(Node n, String path, BindContext ctx) {
        if (n.getTag().equals(Tag.INT)) return Scalars.integer(n, path, ctx, 0, TraceMask.ALL.bits());
        String text = Scalars.text(n, path, ctx, "a trace category name or number");
        if (text == null) return null;
        String name = text.toUpperCase(Locale.ROOT);
        if (name.equals("ALL")) return TraceMask.ALL.bits();
        if (name.equals("NONE")) return 0;
        for (TraceCategory c : TraceCategory.values()) if (c.name().equals(name)) return c.bit();
        ctx.error(n, path, "unknown trace category " + ctx.quote(text) + "; known: " + CATEGORIES + ", ALL, NONE");
        return null;
    }

    static InetAddress address(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "an IP address");
        if (text == null) return null;
        try {
            return IpLiterals.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.error(n, path, ctx.quote(text) + ": " + e.getMessage());
            return null;
        }
    }

    static InetSocketAddress socketAddress(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "address:port");
        if (text == null) return null;
        try {
            return IpLiterals.parseSocketAddress(text);
        } catch (IllegalArgumentException e) {
            ctx.error(n, path, ctx.quote(text) + ": " + e.getMessage());
            return null;
        }
    }

    static IpPrefix prefix(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "an address or prefix such as 192.0.2.0/24");
        if (text == null) return null;
        try {
            return IpPrefix.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.error(n, path, ctx.quote(text) + ": " + e.getMessage());
            return null;
        }
    }

    /** A Host Name AVP value: 1..255 characters, no spaces or control characters. */
    static String hostName(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "a host name");
        if (text == null) return null;
        if (text.isEmpty() || text.length() > 255 || !text.codePoints().allMatch(c -> c > 0x20 && c != 0x7F)) {
            ctx.error(n, path, ctx.quote(text) + ": a host name is 1..255 characters without spaces");
            return null;
        }
        return text;
    }

    /** A list of items each read by {@code item}; null if any item was wrong. */
    static <T> List<T> list(Node n, String path, BindContext ctx, MappingReader.Parser<T> item) {
        List<Node> items = Scalars.items(n, path, ctx);
        if (items == null) return null;
        List<T> out = new ArrayList<>();
        boolean ok = true;
        for (Node i : items) {
            T t = item.parse(i, path, ctx);
            if (t == null) ok = false;
            else out.add(t);
        }
        return ok ? out : null;
    }
}
