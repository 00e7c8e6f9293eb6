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
import io.lns.server.kernel.KernelDataPlane;
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

    public static SubscriberServices create(String mode, String tunName, Config config, MeterRegistry registry) {
        DataMetrics data = new DataMetrics(registry);
        DataPlane plane = switch (mode) {
            case "none" -> new NoneDataPlane(data);
            case "tun" -> tun(tunName, config, data);
            case "kernel" -> new KernelDataPlane(config.system().pppInterface(), data, registry);
            case "auto" -> auto(tunName, config, data, registry);
            default -> throw new IllegalArgumentException("unknown mode (none, tun, kernel, auto)");
        };
        return new SubscriberServices(plane, new PppMetrics(registry), data);
    }

    /** kernel when the kernel has L2TP and PPP, else tun, else none; says which and why. */
    private static DataPlane auto(String tunName, Config config, DataMetrics data, MeterRegistry registry) {
        Capabilities caps = Capabilities.probe();
        if (caps.kernelDataPath()) {
            log.info("data path auto: kernel (AF_PPPOX, genl l2tp and /dev/ppp are available)");
            return new KernelDataPlane(config.system().pppInterface(), data, registry);
        }
        String noKernel = String.join("; ", caps.describe().subList(1, 4));
        if (caps.tun().available()) {
            log.info(
                    "data path auto: tun ({}), because kernel L2TP is unusable: {}",
                    caps.tun().reason(),
                    noKernel);
            return tun(tunName, config, data);
        }
        log.warn(
                "data path auto: none, because kernel L2TP ({}) and TUN ({}) are unusable: subscribers' packets"
                        + " are dropped",
                noKernel,
                caps.tun().reason());
        return new NoneDataPlane(data);
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
