package io.lns.server.dataplane;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** Data plane totals (no per-session labels): forwarded packets and bytes, drops by reason. */
public final class DataMetrics {
    private final Counter toHostPackets;
    private final Counter toHostBytes;
    private final Counter toSubscriberPackets;
    private final Counter toSubscriberBytes;
    private final Counter mssClamped;
    private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
    private final Map<DropReason, Counter> droppedBytes = new EnumMap<>(DropReason.class);

    public DataMetrics(MeterRegistry registry) {
        toHostPackets = Counter.builder("lns_data_packets")
                .description("IP packets forwarded, by direction")
                .tag("direction", "from_subscriber")
                .register(registry);
        toHostBytes = Counter.builder("lns_data_bytes")
                .tag("direction", "from_subscriber")
                .register(registry);
        toSubscriberPackets = Counter.builder("lns_data_packets")
                .description("IP packets forwarded, by direction")
                .tag("direction", "to_subscriber")
                .register(registry);
        toSubscriberBytes = Counter.builder("lns_data_bytes")
                .tag("direction", "to_subscriber")
                .register(registry);
        mssClamped = Counter.builder("lns_data_tcp_mss_clamped")
                .description("TCP SYNs whose MSS option was lowered to fit the session's MTU")
                .register(registry);
        for (DropReason r : DropReason.values()) {
            String tag = r.name().toLowerCase();
            dropped.put(
                    r,
                    Counter.builder("lns_data_packets_dropped")
                            .description("Data packets not forwarded, by reason")
                            .tag("reason", tag)
                            .register(registry));
            droppedBytes.put(
                    r,
                    Counter.builder("lns_data_bytes_dropped").tag("reason", tag).register(registry));
        }
    }

    public void fromSubscriber(int bytes) {
        toHostPackets.increment();
        toHostBytes.increment(bytes);
    }

    public void toSubscriber(int bytes) {
        toSubscriberPackets.increment();
        toSubscriberBytes.increment(bytes);
    }

    public void mssClamped() {
        mssClamped.increment();
    }

    public void dropped(DropReason reason, int bytes) {
        dropped.get(reason).increment();
        droppedBytes.get(reason).increment(bytes);
    }

    public long fromSubscriberPackets() {
        return (long) toHostPackets.count();
    }

    public long toSubscriberPackets() {
        return (long) toSubscriberPackets.count();
    }

    public double droppedCount(DropReason reason) {
        return dropped.get(reason).count();
    }
}
