package io.lns.server.daemon;

import io.lns.config.AddressPool;
import io.lns.config.AddressRange;
import io.lns.config.Config;
import io.lns.linux.Capabilities;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.DataPlane;
import io.lns.server.dataplane.NoneDataPlane;
import io.lns.server.dataplane.Prefixes;
import io.lns.server.dataplane.TunDataPlane;
import io.lns.server.pool.Ipv4;
import io.lns.server.subscriber.PppMetrics;
import io.lns.server.subscriber.SubscriberServices;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code --dataplane}: which data plane the server runs, and why (logged once). */
public final class DataPlanes {
    private static final Logger log = LoggerFactory.getLogger(DataPlanes.class);

    private DataPlanes() {}

    static SubscriberServices create(String mode, String tunName, Config config, MeterRegistry registry) {
        DataMetrics data = new DataMetrics(registry);
        DataPlane plane = switch (mode) {
            case "none" -> new NoneDataPlane(data);
            case "tun" -> tun(tunName, config, data);
            case "auto" -> {
                Capabilities caps = Capabilities.probe();
                if (caps.tun().available()) {
                    log.info(
                            "data path auto: tun ({}); kernel L2TP is not used yet",
                            caps.tun().reason());
                    yield tun(tunName, config, data);
                }
                log.warn(
                        "data path auto: none, because TUN is unusable ({}): subscribers' packets are dropped",
                        caps.tun().reason());
                yield new NoneDataPlane(data);
            }
            default -> throw new IllegalArgumentException("unknown mode (none, tun, auto)");
        };
        return new SubscriberServices(plane, new PppMetrics(registry), data);
    }

    /** A TUN data plane carrying every pool: their gateways on the device, their ranges routed to it. */
    public static TunDataPlane tun(String name, Config config, DataMetrics data) {
        List<Inet4Address> gateways = new ArrayList<>();
        List<Prefixes.Prefix> routes = new ArrayList<>();
        for (AddressPool pool : config.addressPools().values()) {
            if (!gateways.contains(pool.gateway())) gateways.add(pool.gateway());
            for (AddressRange r : pool.ranges()) {
                routes.addAll(Prefixes.cover(Ipv4.toInt(r.first()) & 0xFFFFFFFFL, Ipv4.toInt(r.last()) & 0xFFFFFFFFL));
            }
        }
        int mtu = config.pppProfiles().keySet().stream()
                .mapToInt(n -> config.resolvePpp(n).mru())
                .max()
                .orElse(1500);
        return new TunDataPlane(name, mtu, new TunDataPlane.Addressing(gateways, routes), data);
    }
}
