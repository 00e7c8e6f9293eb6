package io.lns.server.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AddressPoolTest {

    private static Inet4Address ip(String s) {
        return Ipv4.parseAddress(s);
    }

    @Test
    void rangeIsInclusiveAndExhausts() {
        AddressPool pool = AddressPool.of("small", "10.0.0.10-10.0.0.12");
        assertThat(pool.size()).isEqualTo(3);
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 3; i++) got.add(pool.lease().orElseThrow().address().getHostAddress());
        assertThat(got).containsExactlyInAnyOrder("10.0.0.10", "10.0.0.11", "10.0.0.12");
        assertThat(pool.lease()).isEmpty();
        assertThat(pool.lease()).isEmpty();
        assertThat(pool.usage()).isEqualTo(new AddressPool.Usage(3, 3, 2, 0));
    }

    @Test
    void prefixLeavesOutNetworkBroadcastAndGateway() {
        AddressPool pool = AddressPool.of("p", List.of("100.64.0.0/29"), List.of(ip("100.64.0.1")));
        assertThat(pool.size()).isEqualTo(5); // .1-.6 minus the gateway
        Set<String> got = new HashSet<>();
        Optional<AddressPool.Lease> l;
        while ((l = pool.lease()).isPresent()) got.add(l.get().address().getHostAddress());
        assertThat(got).containsExactlyInAnyOrder("100.64.0.2", "100.64.0.3", "100.64.0.4", "100.64.0.5", "100.64.0.6");
        assertThat(pool.contains(ip("100.64.0.0"))).isFalse();
        assertThat(pool.contains(ip("100.64.0.7"))).isFalse();
        assertThat(pool.contains(ip("100.64.0.1"))).isFalse();
        assertThat(pool.contains(ip("100.64.0.6"))).isTrue();
    }

    @Test
    void largePrefixAndMixedSpecs() {
        AddressPool pool = AddressPool.of("big", List.of("100.64.0.0/16", "10.1.0.5-10.1.0.9", "192.0.2.7"), List.of());
        assertThat(pool.size()).isEqualTo(65534 + 5 + 1);
        assertThat(pool.contains(ip("100.64.255.254"))).isTrue();
        assertThat(pool.contains(ip("100.64.255.255"))).isFalse();
        assertThat(pool.reserve(ip("192.0.2.7"))).isPresent();
        assertThat(pool.reserve(ip("10.1.0.9")).orElseThrow().address()).isEqualTo(ip("10.1.0.9"));
    }

    @Test
    void badSpecsAreRefused() {
        assertThatThrownBy(() -> AddressPool.of("x", "10.0.0.9-10.0.0.1")).hasMessageContaining("ends before");
        assertThatThrownBy(() -> AddressPool.of("x", "10.0.0.1/24")).hasMessageContaining("10.0.0.0/24");
        assertThatThrownBy(() -> AddressPool.of("x", "10.0.0.0/33")).hasMessageContaining("above 32");
        assertThatThrownBy(() -> AddressPool.of("x", "10.0.0.256")).hasMessageContaining("above 255");
        assertThatThrownBy(() -> AddressPool.of("x", "host.example")).hasMessageContaining("not an IPv4");
        assertThatThrownBy(() -> AddressPool.of("x", "10.0.0.0/24", "10.0.0.5-10.0.1.5"))
                .hasMessageContaining("overlaps");
        assertThatThrownBy(() -> AddressPool.of("x", "0.0.0.0/8")).hasMessageContaining("more than");
    }

    @Test
    void releaseReturnsTheAddressExactlyOnce() {
        AddressPool pool = AddressPool.of("one", "10.0.0.1");
        AddressPool.Lease lease = pool.lease().orElseThrow();
        assertThat(pool.used()).isEqualTo(1);
        assertThat(lease.release()).isTrue();
        assertThat(lease.release()).isFalse();
        assertThat(lease.isReleased()).isTrue();
        assertThat(pool.usage()).isEqualTo(new AddressPool.Usage(1, 0, 0, 1));
        AddressPool.Lease again = pool.lease().orElseThrow();
        // The stale lease's second release must not free the new holder's address.
        assertThat(lease.release()).isFalse();
        assertThat(pool.used()).isEqualTo(1);
        assertThat(pool.lease()).isEmpty();
        assertThat(again.release()).isTrue();
    }

    @Test
    void fixedReservations() {
        AddressPool pool = AddressPool.of("p", List.of("10.0.0.0/30"), List.of()); // .1 and .2
        AddressPool.Lease fixed = pool.reserve(ip("10.0.0.2")).orElseThrow();
        assertThat(pool.reserve(ip("10.0.0.2"))).as("taken").isEmpty();
        assertThat(pool.reserve(ip("10.0.0.3"))).as("broadcast").isEmpty();
        assertThat(pool.reserve(ip("10.9.0.1"))).as("outside").isEmpty();
        assertThat(pool.lease().orElseThrow().address()).isEqualTo(ip("10.0.0.1"));
        assertThat(pool.lease()).isEmpty();
        fixed.release();
        assertThat(pool.lease().orElseThrow().address()).isEqualTo(ip("10.0.0.2"));

        AddressPool gw = AddressPool.of("gw", List.of("10.0.0.0/30"), List.of(ip("10.0.0.1")));
        assertThat(gw.reserve(ip("10.0.0.1"))).as("gateway").isEmpty();
    }

    @Test
    void releasedAddressIsNotReusedAtOnce() {
        AddressPool pool = AddressPool.of("rr", "10.0.0.1-10.0.0.3");
        AddressPool.Lease a = pool.lease().orElseThrow();
        a.release();
        assertThat(pool.lease().orElseThrow().address()).isNotEqualTo(a.address());
    }

    @Test
    void churnOfHundredThousandLeasesLeaksNothing() {
        AddressPool pool = AddressPool.of("churn", "10.0.0.0/22");
        Random random = new Random(42);
        ArrayDeque<AddressPool.Lease> held = new ArrayDeque<>();
        Set<Inet4Address> live = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            if (!held.isEmpty() && (random.nextInt(3) == 0 || held.size() > 900)) {
                AddressPool.Lease l = random.nextBoolean() ? held.pollFirst() : held.pollLast();
                assertThat(live.remove(l.address())).isTrue();
                assertThat(l.release()).isTrue();
            } else {
                AddressPool.Lease l = pool.lease().orElseThrow();
                assertThat(live.add(l.address()))
                        .as("duplicate %s", l.address())
                        .isTrue();
                held.add(l);
            }
            if (i % 10_000 == 0) assertThat(pool.used()).isEqualTo(held.size());
        }
        held.forEach(AddressPool.Lease::release);
        assertThat(pool.usage()).isEqualTo(new AddressPool.Usage(1022, 0, 0, 0));
        List<AddressPool.Lease> all = new ArrayList<>();
        pool.lease().ifPresent(all::add);
        while (true) {
            Optional<AddressPool.Lease> l = pool.lease();
            if (l.isEmpty()) break;
            all.add(l.get());
        }
        assertThat(all).hasSize(1022);
    }

    @Test
    void concurrentChurnHandsOutNoDuplicate() throws Exception {
        AddressPool pool = AddressPool.of("mt", "10.0.0.0/24"); // 254 addresses
        Set<Inet4Address> live = ConcurrentHashMap.newKeySet();
        int threads = 8;
        ExecutorService exec = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(exec.submit(() -> {
                start.await();
                int duplicates = 0;
                for (int i = 0; i < 20_000; i++) {
                    Optional<AddressPool.Lease> l = pool.lease();
                    if (l.isEmpty()) continue;
                    if (!live.add(l.get().address())) duplicates++;
                    live.remove(l.get().address());
                    l.get().release();
                    l.get().release();
                }
                return duplicates;
            }));
        }
        start.countDown();
        for (Future<Integer> f : results) assertThat(f.get()).isZero();
        exec.shutdown();
        AddressPool.Usage u = pool.usage();
        assertThat(u.used()).isZero();
        assertThat(u.doubleReleases()).isEqualTo(threads * 20_000L - u.exhaustedRefusals());
    }

    @Test
    void poolsByNameAndFixedAddressAcrossPools() {
        AddressPool a = AddressPool.of("a", "10.0.0.1-10.0.0.5");
        AddressPool b = AddressPool.of("b", "10.0.1.0/24");
        AddressPools pools = AddressPools.of(List.of(a, b));
        assertThat(pools.pool("b")).containsSame(b);
        assertThat(pools.pool("c")).isEmpty();
        AddressPool.Lease l = pools.reserve(ip("10.0.1.9")).orElseThrow();
        assertThat(l.pool()).isSameAs(b);
        assertThat(pools.reserve(ip("10.0.1.9"))).isEmpty();
        assertThat(pools.reserve(ip("10.9.9.9"))).isEmpty();
        assertThatThrownBy(() -> AddressPools.of(List.of(a, AddressPool.of("a", "10.0.2.1"))))
                .hasMessageContaining("two pools");
    }
}
