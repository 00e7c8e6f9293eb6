package io.lns.server.pool;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A named pool of IPv4 addresses handed to PPP sessions. The addresses come from ranges
 * ({@code 100.64.0.10-100.64.0.200}) and prefixes ({@code 100.64.0.0/16}, whose network and broadcast
 * addresses are left out); any address in {@code excluded} (a gateway, say) is never handed out.
 *
 * <p>Allocation is a bitmap walked round-robin from the last address handed out, so a released
 * address is not reused at once. One lock per pool: pools are shared by event loops.
 */
public final class AddressPool {

    /** Most addresses a pool may hold (a /12's worth): the bitmap stays small. */
    public static final int MAX_SIZE = 1 << 20;

    /** A point-in-time view of a pool's counters. */
    public record Usage(int size, int used, long exhaustedRefusals, long doubleReleases) {}

    /** Inclusive range of addresses, as unsigned ints held in longs. */
    private record Segment(long first, long last) {
        long count() {
            return last - first + 1;
        }
    }

    private final String name;
    private final List<Segment> segments; // sorted, disjoint
    private final int[] offsets; // index of each segment's first address
    private final int capacity; // bitmap length, excluded addresses included
    private final int size; // capacity minus excluded
    private final ReentrantLock lock = new ReentrantLock();
    private final BitSet excluded; // never leased; also set in taken
    private final BitSet taken;
    private int used;
    private int cursor;
    private long exhaustedRefusals;
    private long doubleReleases;

    private AddressPool(String name, List<Segment> segments, Collection<Integer> excluded) {
        this.name = name;
        this.segments = List.copyOf(segments);
        this.offsets = new int[segments.size()];
        long total = 0;
        for (int i = 0; i < segments.size(); i++) {
            offsets[i] = (int) total;
            total += segments.get(i).count();
            if (total > MAX_SIZE) {
                throw new IllegalArgumentException("pool " + name + " would hold more than " + MAX_SIZE + " addresses");
            }
        }
        this.capacity = (int) total;
        this.taken = new BitSet(capacity);
        this.excluded = new BitSet();
        for (int address : excluded) {
            int index = indexOf(address & 0xFFFFFFFFL);
            if (index >= 0) this.excluded.set(index);
        }
        taken.or(this.excluded);
        this.size = capacity - this.excluded.cardinality();
    }

    /**
     * A pool named {@code name} over {@code specs}, each {@code a.b.c.d-e.f.g.h}, {@code a.b.c.d/len} or a
     * single {@code a.b.c.d}; specs must not overlap. Addresses in {@code excluded} are never leased.
     *
     * @throws IllegalArgumentException naming the spec that is wrong
     */
    public static AddressPool of(String name, List<String> specs, Collection<Inet4Address> excluded) {
        Objects.requireNonNull(name, "name");
        if (specs.isEmpty()) throw new IllegalArgumentException("pool " + name + " has no addresses");
        List<Segment> segments = new ArrayList<>();
        for (String spec : specs) segments.add(parseSpec(spec));
        segments.sort(Comparator.comparingLong(Segment::first));
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).first() <= segments.get(i - 1).last()) {
                throw new IllegalArgumentException("pool " + name + ": " + describe(segments.get(i)) + " overlaps "
                        + describe(segments.get(i - 1)));
            }
        }
        List<Integer> ex = excluded.stream().map(Ipv4::toInt).toList();
        return new AddressPool(name, segments, ex);
    }

    /** As {@link #of(String, List, Collection)} with nothing excluded. */
    public static AddressPool of(String name, String... specs) {
        return of(name, List.of(specs), List.of());
    }

    private static Segment parseSpec(String spec) {
        String s = spec.strip();
        try {
            int dash = s.indexOf('-');
            int slash = s.indexOf('/');
            if (dash >= 0) {
                long first = Ipv4.parse(s.substring(0, dash).strip()) & 0xFFFFFFFFL;
                long last = Ipv4.parse(s.substring(dash + 1).strip()) & 0xFFFFFFFFL;
                if (last < first) throw new IllegalArgumentException("the range ends before it starts");
                return new Segment(first, last);
            }
            if (slash >= 0) {
                long base = Ipv4.parse(s.substring(0, slash)) & 0xFFFFFFFFL;
                String lenText = s.substring(slash + 1);
                if (!lenText.matches("\\d{1,2}")) throw new IllegalArgumentException("bad prefix length");
                int len = Integer.parseInt(lenText);
                if (len > 32) throw new IllegalArgumentException("prefix length above 32");
                long hostMask = (1L << (32 - len)) - 1;
                if ((base & hostMask) != 0) {
                    throw new IllegalArgumentException(
                            "host bits set; the network is " + Ipv4.format((int) (base & ~hostMask)) + "/" + len);
                }
                long last = base | hostMask;
                // /31 and /32 have no network or broadcast address (RFC 3021).
                return len >= 31 ? new Segment(base, last) : new Segment(base + 1, last - 1);
            }
            long one = Ipv4.parse(s) & 0xFFFFFFFFL;
            return new Segment(one, one);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("`" + spec + "`: " + e.getMessage(), e);
        }
    }

    private static String describe(Segment s) {
        return Ipv4.format((int) s.first()) + "-" + Ipv4.format((int) s.last());
    }

    public String name() {
        return name;
    }

    /** Whether {@code address} is one this pool can hand out (excluded addresses are not). */
    public boolean contains(Inet4Address address) {
        int index = indexOf(Ipv4.toInt(address) & 0xFFFFFFFFL);
        return index >= 0 && !excluded.get(index);
    }

    /** A free address, or empty when the pool is exhausted (counted). */
    public Optional<Lease> lease() {
        lock.lock();
        try {
            if (used == size) {
                exhaustedRefusals++;
                return Optional.empty();
            }
            int index = taken.nextClearBit(cursor);
            if (index >= capacity) index = taken.nextClearBit(0);
            take(index);
            cursor = index + 1 == capacity ? 0 : index + 1;
            return Optional.of(new Lease(this, index, addressAt(index)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code address} for a user with a fixed address; empty if it is outside this pool, excluded, or
     * already leased.
     */
    public Optional<Lease> reserve(Inet4Address address) {
        int index = indexOf(Ipv4.toInt(address) & 0xFFFFFFFFL);
        if (index < 0) return Optional.empty();
        lock.lock();
        try {
            if (taken.get(index)) return Optional.empty();
            take(index);
            return Optional.of(new Lease(this, index, address));
        } finally {
            lock.unlock();
        }
    }

    private void take(int index) {
        taken.set(index);
        used++;
    }

    void free(int index) {
        lock.lock();
        try {
            if (!taken.get(index)) throw new IllegalStateException("address index " + index + " is not leased");
            taken.clear(index);
            used--;
        } finally {
            lock.unlock();
        }
    }

    void countDoubleRelease() {
        lock.lock();
        try {
            doubleReleases++;
        } finally {
            lock.unlock();
        }
    }

    /** Addresses this pool can hand out. */
    public int size() {
        return size;
    }

    /** Addresses leased now. */
    public int used() {
        lock.lock();
        try {
            return used;
        } finally {
            lock.unlock();
        }
    }

    public Usage usage() {
        lock.lock();
        try {
            return new Usage(size, used, exhaustedRefusals, doubleReleases);
        } finally {
            lock.unlock();
        }
    }

    private int indexOf(long address) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Segment s = segments.get(mid);
            if (address < s.first()) hi = mid - 1;
            else if (address > s.last()) lo = mid + 1;
            else return offsets[mid] + (int) (address - s.first());
        }
        return -1;
    }

    private Inet4Address addressAt(int index) {
        int lo = 0;
        int hi = offsets.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        return Ipv4.toAddress((int) (segments.get(lo).first() + (index - offsets[lo])));
    }

    @Override
    public String toString() {
        Usage u = usage();
        return "AddressPool[" + name + ", " + u.used() + "/" + u.size() + " used]";
    }

    /** One address held by a session; {@link #release()} gives it back exactly once. */
    public static final class Lease {
        private final AddressPool pool;
        private final int index;
        private final Inet4Address address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(AddressPool pool, int index, Inet4Address address) {
            this.pool = pool;
            this.index = index;
            this.address = address;
        }

        public Inet4Address address() {
            return address;
        }

        public AddressPool pool() {
            return pool;
        }

        /**
         * Returns the address to the pool. Only the first call does; later ones are counted in
         * {@link Usage#doubleReleases()} and return false.
         */
        public boolean release() {
            if (released.compareAndSet(false, true)) {
                pool.free(index);
                return true;
            }
            pool.countDoubleRelease();
            return false;
        }

        public boolean isReleased() {
            return released.get();
        }

        @Override
        public String toString() {
            return "Lease[" + address.getHostAddress() + " from " + pool.name + (released.get() ? ", released" : "")
                    + "]";
        }
    }
}
