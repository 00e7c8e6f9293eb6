package io.lns.server.kernel;

import io.lns.linux.L2tpGenl;
import io.lns.linux.L2tpSessionInfo;
import io.lns.linux.L2tpStats;
import io.lns.linux.NativeException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel data plane's meters. Subscribers' traffic is counted by the kernel, not by lns: the
 * {@code lns_kernel_data_*} counters add the final counters of ended sessions to a genl dump of the
 * live ones (taken at most once a second, when scraped). lns's own {@code lns_data_*} counters stay
 * at zero for kernel sessions, which is how the tests see that data never entered the JVM.
 *
 * <p>Sessions end on {@link SessionCloser}'s threads without waiting for a scrape: a dump during
 * which one ended might count it twice (live in the dump, and in the ended sum), so such a dump is
 * taken again.
 */
public final class KernelMetrics {
    private static final Logger log = LoggerFactory.getLogger(KernelMetrics.class);
    private static final long DUMP_EVERY_NANOS = 1_000_000_000L;

    private final MeterRegistry registry;
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger units = new AtomicInteger();
    private final Set<Integer> liveTunnels = ConcurrentHashMap.newKeySet();
    /** Final counters of ended sessions, summed; {@link #closes} moves first. */
    private final AtomicReference<L2tpStats> ended = new AtomicReference<>(L2tpStats.ZERO);

    private final AtomicLong closes = new AtomicLong();

    private final ConcurrentHashMap<String, Counter> failures = new ConcurrentHashMap<>();
    private final Counter unitsDeletedTogether;
    private L2tpGenl statsSocket;
    /** Ended plus live sessions' counters at {@link #totalAt}, a consistent sum. */
    private L2tpStats total = L2tpStats.ZERO;

    private long totalAt;
    private boolean totalTaken;

    private final long[] reported = new long[8];

    KernelMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("lns_kernel_tunnels", tunnels, AtomicInteger::get)
                .description("Kernel L2TP tunnels lns holds")
                .register(registry);
        Gauge.builder("lns_kernel_sessions", sessions, AtomicInteger::get)
                .description("Kernel L2TP sessions lns holds (each with a PPPoL2TP socket and a PPP channel)")
                .register(registry);
        Gauge.builder("lns_kernel_ppp_units", units, AtomicInteger::get)
                .description("ppp interfaces lns holds")
                .register(registry);
        unitsDeletedTogether = Counter.builder("lns_kernel_ppp_units_batch_deleted")
                .description("ppp interfaces deleted several at once (one RTM_DELLINK of a group), not one by one")
                .register(registry);
        String carried = "Subscribers' data the kernel carried (L2TP header and PPP included), live and ended sessions";
        counter("lns_kernel_data_packets", "direction", "to_subscriber", carried, 0, L2tpStats::txPackets);
        counter("lns_kernel_data_bytes", "direction", "to_subscriber", carried, 1, L2tpStats::txBytes);
        counter("lns_kernel_data_packets", "direction", "from_subscriber", carried, 2, L2tpStats::rxPackets);
        counter("lns_kernel_data_bytes", "direction", "from_subscriber", carried, 3, L2tpStats::rxBytes);
        String errors = "Data packets the kernel could not send, or dropped on receipt (sequence number behind"
                + " the expected one, out of sequence, malformed), live and ended sessions";
        counter("lns_kernel_data_errors", "kind", "tx_error", errors, 4, L2tpStats::txErrors);
        counter("lns_kernel_data_errors", "kind", "rx_seq_discard", errors, 5, L2tpStats::rxSeqDiscards);
        counter("lns_kernel_data_errors", "kind", "rx_out_of_sequence", errors, 6, L2tpStats::rxOosPackets);
        counter("lns_kernel_data_errors", "kind", "rx_error", errors, 7, L2tpStats::rxErrors);
    }

    private void counter(
            String name, String tag, String value, String description, int slot, ToLongFunction<L2tpStats> field) {
        FunctionCounter.builder(name, this, m -> m.value(slot, field))
                .tag(tag, value)
                .description(description)
                .register(registry);
    }

    /** Opens the socket the scrapes dump sessions with. */
    void start() throws NativeException {
        statsSocket = L2tpGenl.open();
    }

    private synchronized double value(int slot, ToLongFunction<L2tpStats> field) {
        refresh();
        // A counter never goes back (a session's last packets may fall between its final read and a dump).
        reported[slot] = Math.max(reported[slot], field.applyAsLong(total));
        return reported[slot];
    }

    private void refresh() {
        if (statsSocket == null) {
            total = ended.get(); // closed: every session has ended
            return;
        }
        long now = System.nanoTime();
        if (totalTaken && now - totalAt < DUMP_EVERY_NANOS) return;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = closes.get();
            L2tpStats live = liveSessions();
            if (live == null) return;
            L2tpStats endedNow = ended.get();
            if (closes.get() == before) {
                total = endedNow.plus(live);
                totalAt = now;
                totalTaken = true;
                return;
            }
        }
        // sessions ended during every dump: the last consistent total stands until the next scrape
    }

    private L2tpStats liveSessions() {
        try {
            L2tpStats sum = L2tpStats.ZERO;
            for (L2tpSessionInfo s : statsSocket.sessions()) {
                if (liveTunnels.contains(s.tunnelId())) sum = sum.plus(s.stats());
            }
            return sum;
        } catch (NativeException e) {
            log.debug("kernel session dump failed: {}", e.getMessage());
            return null;
        }
    }

    void tunnelOpened(int tunnelId) {
        liveTunnels.add(tunnelId);
        tunnels.incrementAndGet();
    }

    void tunnelClosed(int tunnelId) {
        liveTunnels.remove(tunnelId);
        tunnels.decrementAndGet();
    }

    void sessionOpened() {
        sessions.incrementAndGet();
    }

    /**
     * A session's PPPoL2TP socket is closed (so later dumps do not see it); {@code last} are its final
     * counters. On a closer thread: never waits for a scrape.
     */
    void sessionClosed(L2tpStats last) {
        sessions.decrementAndGet();
        closes.incrementAndGet(); // before the sum: a dump that saw this session then sees the change
        ended.accumulateAndGet(last, L2tpStats::plus);
    }

    void unitOpened() {
        units.incrementAndGet();
    }

    void unitClosed() {
        units.decrementAndGet();
    }

    void unitsDeletedTogether(int count) {
        unitsDeletedTogether.increment(count);
    }

    /** A kernel call failed; {@code operation} is a label (tunnel_create, session_create, ...). */
    void failed(String operation) {
        failures.computeIfAbsent(
                        operation,
                        op -> Counter.builder("lns_kernel_failures")
                                .tag("operation", op)
                                .description("Kernel L2TP/PPP calls that failed")
                                .register(registry))
                .increment();
    }

    public int tunnels() {
        return tunnels.get();
    }

    public int sessions() {
        return sessions.get();
    }

    public int units() {
        return units.get();
    }

    synchronized void close() {
        if (statsSocket != null) statsSocket.close();
        statsSocket = null;
    }
}
