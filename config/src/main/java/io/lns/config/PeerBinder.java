package io.lns.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds peer profiles, and refuses what would make peer matching ambiguous: a host name in two
 * profiles, or one prefix in two profiles that match by address alone.
 */
final class PeerBinder {

    /** A list item and where it is written. */
    private record Item<T>(T value, Node node) {}

    /** Lower-cased host name → profile that lists it. */
    private final Map<String, String> hostOwners = new HashMap<>();
    /** Prefix → address-only profile that lists it. */
    private final Map<IpPrefix, String> prefixOwners = new HashMap<>();

    static Map<String, PeerProfile> bindAll(MappingReader top) {
        return ProfileSection.bind(top, "peer-profiles", PeerProfile.DEFAULTS, new PeerBinder()::bind);
    }

    private PeerProfile bind(MappingReader r, PeerProfile base, String name) {
        boolean isDefault = name.equals(Config.DEFAULT);
        List<Item<IpPrefix>> addresses = items(r, "addresses", Values::prefix);
        List<Item<String>> hostNames = items(r, "host-names", Values::hostName);
        String tunnel = r.reference("tunnel-profile", "tunnel-profiles");
        String session = r.reference("session-profile", "session-profiles");
        String ppp = r.reference("ppp-profile", "ppp-profiles");
        int maxSessions = r.get("max-sessions", base.maxSessions(), Scalars.ints(0, 1_000_000));
        r.rejectUnknown(null);

        if (isDefault) {
            r.errorAtFirstPresent(
                    "the default peer profile applies to every peer no other profile matches;"
                            + " it takes no addresses or host-names",
                    "addresses",
                    "host-names");
        } else if (absentOrEmpty(r.value("addresses")) && absentOrEmpty(r.value("host-names"))) {
            r.error("a peer profile needs addresses or host-names to match peers by");
        } else {
            checkUnique(r, name, hostNames, hostOwners, h -> h.toLowerCase(Locale.ROOT), "host-names", "host name");
            Map<IpPrefix, String> owners = hostNames.isEmpty() ? prefixOwners : new HashMap<>();
            checkUnique(r, name, addresses, owners, p -> p, "addresses", "prefix");
        }
        return new PeerProfile(
                isDefault ? List.of() : addresses.stream().map(Item::value).toList(),
                isDefault ? List.of() : hostNames.stream().map(Item::value).toList(),
                tunnel != null ? tunnel : base.tunnelProfile(),
                session != null ? session : base.sessionProfile(),
                ppp != null ? ppp : base.pppProfile(),
                maxSessions);
    }

    private static boolean absentOrEmpty(Node n) {
        return n == null || n instanceof SequenceNode seq && seq.getValue().isEmpty();
    }

    /** The valid items of a list; invalid ones are reported and left out. */
    private static <T> List<Item<T>> items(MappingReader r, String key, MappingReader.Parser<T> parser) {
        Node v = r.value(key);
        List<Item<T>> out = new ArrayList<>();
        if (v == null) return out;
        List<Node> nodes = Scalars.items(v, r.path(key), r.ctx());
        if (nodes == null) return out;
        for (Node n : nodes) {
            T t = parser.parse(n, r.path(key), r.ctx());
            if (t != null) out.add(new Item<>(t, n));
        }
        return out;
    }

    private static <T, K> void checkUnique(
            MappingReader r,
            String name,
            List<Item<T>> items,
            Map<K, String> owners,
            Function<T, K> keyOf,
            String key,
            String what) {
        Map<K, Boolean> own = new HashMap<>();
        for (Item<T> item : items) {
            K k = keyOf.apply(item.value());
            String owner = own.put(k, Boolean.TRUE) != null ? name : owners.putIfAbsent(k, name);
            if (owner == null) continue;
            String message = owner.equals(name)
                    ? what + " " + item.value() + " is listed twice"
                    : what + " " + item.value() + " is already matched by peer profile `" + owner + "`";
            r.ctx().error(item.node(), r.path(key), message);
        }
    }
}
