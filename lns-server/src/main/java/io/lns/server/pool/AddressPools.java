package io.lns.server.pool;

import java.net.Inet4Address;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The server's pools by name. Immutable; the pools themselves are thread-safe. */
public final class AddressPools {

    private final Map<String, AddressPool> byName;

    private AddressPools(Map<String, AddressPool> byName) {
        this.byName = byName;
    }

    /** The pools in {@code pools}; names must be distinct. Pools may not share an address. */
    public static AddressPools of(Collection<AddressPool> pools) {
        Map<String, AddressPool> map = new LinkedHashMap<>();
        for (AddressPool p : pools) {
            if (map.putIfAbsent(p.name(), p) != null) {
                throw new IllegalArgumentException("two pools are named " + p.name());
            }
        }
        return new AddressPools(Map.copyOf(map));
    }

    public Optional<AddressPool> pool(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The pool that holds {@code address}, if any. */
    public Optional<AddressPool> poolContaining(Inet4Address address) {
        return byName.values().stream().filter(p -> p.contains(address)).findFirst();
    }

    /**
     * Reserves a fixed address: from the pool holding it, else empty (outside every pool, or taken).
     * Callers that allow fixed addresses outside pools handle that case themselves.
     */
    public Optional<AddressPool.Lease> reserve(Inet4Address address) {
        return poolContaining(address).flatMap(p -> p.reserve(address));
    }

    /**
     * The server's pools from the configuration; each pool's gateway is never leased.
     *
     * @throws IllegalArgumentException when a pool is too large or pools overlap
     */
    public static AddressPools fromConfig(Map<String, io.lns.config.AddressPool> config) {
        return of(config.entrySet().stream()
                .map(e -> AddressPool.of(
                        e.getKey(),
                        e.getValue().ranges().stream()
                                .map(r -> r.first().getHostAddress() + "-"
                                        + r.last().getHostAddress())
                                .toList(),
                        excluded(e.getValue())))
                .toList());
    }

    /**
     * The gateway, and a range's first address when it ends in .0 and last when it ends in .255:
     * legal on point-to-point links, but CPEs and firewalls that think in /24s mistreat them.
     */
    private static java.util.List<Inet4Address> excluded(io.lns.config.AddressPool pool) {
        java.util.List<Inet4Address> out = new java.util.ArrayList<>();
        out.add(pool.gateway());
        for (var r : pool.ranges()) {
            if ((Ipv4.toInt(r.first()) & 0xFF) == 0) out.add(r.first());
            if ((Ipv4.toInt(r.last()) & 0xFF) == 0xFF) out.add(r.last());
        }
        return out;
    }

    public Collection<AddressPool> all() {
        return byName.values();
    }
}
