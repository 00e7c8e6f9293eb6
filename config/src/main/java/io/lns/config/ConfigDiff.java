package io.lns.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What changed between two configs, field by field, as key paths ({@code system.max-tunnels},
 * {@code tunnel-profiles.gold} added, {@code tunnel-profiles.gold.hello-interval} changed). Profiles
 * are compared as resolved, so a change to a {@code default} profile also shows on every named
 * profile that inherits the field. Secrets show as {@code <redacted>}.
 */
public record ConfigDiff(List<Change> changes) {

    /** How a path changed. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    /**
     * One change; {@code before} is null for ADDED, {@code after} for REMOVED (profile-level changes
     * carry no values).
     */
    public record Change(String path, Kind kind, String before, String after) {
        @Override
        public String toString() {
            return switch (kind) {
                case ADDED -> "+ " + path;
                case REMOVED -> "- " + path;
                case CHANGED -> "~ " + path + ": " + before + " -> " + after;
            };
        }
    }

    public ConfigDiff {
        changes = List.copyOf(changes);
    }

    public static ConfigDiff between(Config before, Config after) {
        List<Change> out = new ArrayList<>();
        fields("system", before.system(), after.system(), out);
        profiles("peer-profiles", before.peerProfiles(), after.peerProfiles(), out);
        profiles("tunnel-profiles", before.tunnelProfiles(), after.tunnelProfiles(), out);
        profiles("session-profiles", before.sessionProfiles(), after.sessionProfiles(), out);
        profiles("ppp-profiles", before.pppProfiles(), after.pppProfiles(), out);
        profiles("address-pools", before.addressPools(), after.addressPools(), out);
        return new ConfigDiff(out);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changed paths, in order. */
    public List<String> paths() {
        return changes.stream().map(Change::path).toList();
    }

    /** Whether anything at or under {@code path} changed ({@code "system"}, {@code "tunnel-profiles.gold"}). */
    public boolean touches(String path) {
        return changes.stream().anyMatch(c -> c.path().equals(path) || c.path().startsWith(path + "."));
    }

    @Override
    public String toString() {
        return changes.isEmpty()
                ? "no changes"
                : changes.stream().map(Change::toString).collect(Collectors.joining("\n"));
    }

    private static <T extends Record> void profiles(
            String section, Map<String, T> before, Map<String, T> after, List<Change> out) {
        for (String name : before.keySet()) {
            if (!after.containsKey(name)) out.add(new Change(section + "." + name, Kind.REMOVED, null, null));
        }
        for (Map.Entry<String, T> e : after.entrySet()) {
            T old = before.get(e.getKey());
            String path = section + "." + e.getKey();
            if (old == null) out.add(new Change(path, Kind.ADDED, null, null));
            else fields(path, old, e.getValue(), out);
        }
    }

    private static void fields(String path, Record before, Record after, List<Change> out) {
        for (RecordComponent c : before.getClass().getRecordComponents()) {
            Object b = value(c, before);
            Object a = value(c, after);
            String p = path + "." + kebab(c.getName());
            if (b instanceof RateLimit rb && a instanceof RateLimit ra) fields(p, rb, ra, out);
            else if (!Objects.equals(b, a)) out.add(new Change(p, Kind.CHANGED, text(b), text(a)));
        }
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    /** {@code helloInterval} → {@code hello-interval}: record components are named after the keys. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A value as the config file would write it. */
    static String text(Object v) {
        if (v instanceof Optional<?> o) return o.map(ConfigDiff::text).orElse("none");
        if (v instanceof Duration d) return Durations.format(d);
        if (v instanceof InetSocketAddress a) return IpLiterals.format(a);
        if (v instanceof InetAddress a) return IpLiterals.format(a);
        if (v instanceof SourcePort s) return s == SourcePort.LISTEN_PORT ? "1701" : kebab(s.name());
        if (v instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
        if (v instanceof Collection<?> c)
            return c.stream().map(ConfigDiff::text).collect(Collectors.joining(", ", "[", "]"));
        return String.valueOf(v);
    }
}
