package io.lns.config;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds the {@code address-pools} section: named IPv4 pools, none built in. Refuses a range that
 * overlaps another range of the same or any other pool, so an address belongs to one pool at most.
 */
final class PoolBinder {

    /** A range already bound, where it is written and whose it is. */
    private record Placed(AddressRange range, Node node, String pool) {}

    private final List<Placed> placed = new ArrayList<>();

    private PoolBinder() {}

    static Map<String, AddressPool> bindAll(MappingReader top) {
        BindContext ctx = top.ctx();
        String section = "address-pools";
        MappingReader names = MappingReader.of(top.value(section), top.keyMark(section), section, ctx);
        PoolBinder binder = new PoolBinder();
        Map<String, AddressPool> out = new LinkedHashMap<>();
        for (String name : names.keys()) {
            if (!ProfileSection.NAME.matcher(name).matches()) {
                ctx.error(
                        names.keyMark(name),
                        names.path(name),
                        "a pool name is 1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
                continue;
            }
            MappingReader r = MappingReader.of(names.value(name), names.keyMark(name), names.path(name), ctx);
            AddressPool pool = binder.bind(r, name);
            if (pool != null) out.put(name, pool);
        }
        return out;
    }

    private AddressPool bind(MappingReader r, String name) {
        BindContext ctx = r.ctx();
        List<AddressRange> ranges = null;
        Node rangesNode = r.value("ranges");
        String rangesPath = r.path("ranges");
        if (rangesNode == null) {
            r.error("an address pool needs `ranges`");
        } else {
            ranges = ranges(rangesNode, rangesPath, name, ctx);
        }
        Inet4Address gateway = null;
        Node g = r.value("gateway");
        if (g == null) r.error("an address pool needs a `gateway` (our IPCP address)");
        else gateway = gateway(g, r.path("gateway"), ctx);
        r.rejectUnknown(null);
        return ranges == null || gateway == null ? null : new AddressPool(ranges, gateway);
    }

    private List<AddressRange> ranges(Node n, String path, String pool, BindContext ctx) {
        List<Node> items = Scalars.items(n, path, ctx);
        if (items == null) return null;
        if (items.isEmpty()) {
            ctx.error(n, path, "an address pool needs at least one range");
            return null;
        }
        List<AddressRange> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            AddressRange range = range(item, path, ctx);
            if (range == null) {
                ok = false;
                continue;
            }
            for (Placed p : placed) {
                if (p.range().overlaps(range)) {
                    ctx.error(
                            item,
                            path,
                            range + " overlaps " + p.range()
                                    + (p.pool().equals(pool) ? " in this pool" : " of pool `" + p.pool() + "`")
                                    + " (line " + (p.node().getStartMark().getLine() + 1) + ")");
                    ok = false;
                    break;
                }
            }
            placed.add(new Placed(range, item, pool));
            out.add(range);
        }
        return ok ? out : null;
    }

    private static AddressRange range(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "an IPv4 range such as 100.64.0.10-100.64.0.200 or 100.64.0.0/16");
        if (text == null) return null;
        try {
            return AddressRange.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.error(n, path, ctx.quote(text) + ": " + e.getMessage());
            return null;
        }
    }

    /** An IPv4 address literal. */
    static Inet4Address gateway(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "an IPv4 address");
        if (text == null) return null;
        try {
            if (IpLiterals.parse(text) instanceof Inet4Address a && text.indexOf(':') < 0) return a;
            ctx.error(n, path, ctx.quote(text) + ": not an IPv4 address");
        } catch (IllegalArgumentException e) {
            ctx.error(n, path, ctx.quote(text) + ": " + e.getMessage());
        }
        return null;
    }
}
