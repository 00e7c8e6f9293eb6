package io.lns.server.subscriber;

import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.DataPlane;
import io.lns.server.dataplane.NoneDataPlane;
import io.micrometer.core.instrument.MeterRegistry;

/** What every subscriber session of the server shares: the data plane and the meters. */
public record SubscriberServices(DataPlane dataPlane, PppMetrics pppMetrics, DataMetrics dataMetrics) {

    /** Data plane {@code none}, meters in {@code registry}. */
    public static SubscriberServices none(MeterRegistry registry) {
        DataMetrics data = new DataMetrics(registry);
        return new SubscriberServices(new NoneDataPlane(data), new PppMetrics(registry), data);
    }
}
