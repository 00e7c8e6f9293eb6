package io.lns.server.daemon;

import io.lns.config.Config;
import io.lns.config.SystemConfig;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.DataPlane;
import io.lns.server.dataplane.NoneDataPlane;
import io.lns.server.subscriber.PppMetrics;
import io.lns.server.subscriber.SubscriberServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --dataplane}: which data plane the server runs, and why (logged once). */
final class DataPlanes {
    private static final Logger log = LoggerFactory.getLogger(DataPlanes.class);

    private DataPlanes() {}

    static SubscriberServices create(String mode, SystemConfig system, Config config, MeterRegistry registry)
            throws IOException {
        DataMetrics data = new DataMetrics(registry);
        DataPlane plane = switch (mode) {
            case "none" -> new NoneDataPlane(data);
            case "auto" -> {
                log.warn("data path auto: none (no TUN data plane in this build): subscribers' packets are dropped");
                yield new NoneDataPlane(data);
            }
            default -> throw new IllegalArgumentException("unknown mode (none, tun, auto)");
        };
        return new SubscriberServices(plane, new PppMetrics(registry), data);
    }
}
