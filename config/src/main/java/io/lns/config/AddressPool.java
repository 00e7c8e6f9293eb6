package io.lns.config;

import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;

/**
 * An IPv4 address pool ({@code address-pools.<name>}): the addresses peers of ppp profiles that
 * name it are given, and the gateway (our end of each PPP link, the IPCP local address).
 *
 * @param ranges the pool's addresses; non-empty, not overlapping each other or any other pool
 * @param gateway our IPCP address; it may lie inside or outside the ranges, and is never to be
 *     given to a peer
 */
public record AddressPool(List<AddressRange> ranges, Inet4Address gateway) {

    public AddressPool {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) throw new IllegalArgumentException("an address pool needs at least one range");
        Objects.requireNonNull(gateway, "gateway");
    }

    /** Whether {@code a} lies in one of the ranges. */
    public boolean contains(Inet4Address a) {
        return ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** Addresses in the ranges, the gateway included if it lies in one. */
    public long size() {
        return ranges.stream().mapToLong(AddressRange::size).sum();
    }
}
