package io.lns.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code system} section: listeners, limits and global switches.
 *
 * @param listenAddresses local addresses to receive L2TP on
 * @param listenPort UDP port on those addresses
 * @param hostName our Host Name AVP in SCCRP
 * @param maxTunnels tunnels at once
 * @param maxSessions sessions at once, over all tunnels
 * @param maxSessionsInSetup sessions between ICRQ and established at once
 * @param newTunnelRate admission of new tunnels (SCCRQ)
 * @param newCallRate admission of new calls (ICRQ)
 * @param denyRemoteTunnelCreates refuse every SCCRQ (drain)
 * @param metricsAddress where the Prometheus endpoint listens
 * @param trace system-wide trace categories
 * @param usersFile the local users file (PPP user names and passwords), if any
 * @param dataPlane where subscribers' packets go
 * @param tunDevice the TUN device's name (data plane tun)
 * @param pppInterface the name pattern of a session's ppp interface (data plane kernel)
 */
public record SystemConfig(
        List<InetAddress> listenAddresses,
        int listenPort,
        String hostName,
        int maxTunnels,
        int maxSessions,
        int maxSessionsInSetup,
        RateLimit newTunnelRate,
        RateLimit newCallRate,
        boolean denyRemoteTunnelCreates,
        InetSocketAddress metricsAddress,
        TraceMask trace,
        Optional<Path> usersFile,
        DataPlaneMode dataPlane,
        String tunDevice,
        PppInterfaceName pppInterface) {

    public SystemConfig {
        listenAddresses = List.copyOf(listenAddresses);
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(newTunnelRate, "newTunnelRate");
        Objects.requireNonNull(newCallRate, "newCallRate");
        Objects.requireNonNull(metricsAddress, "metricsAddress");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(usersFile, "usersFile");
        Objects.requireNonNull(dataPlane, "dataPlane");
        Objects.requireNonNull(tunDevice, "tunDevice");
        Objects.requireNonNull(pppInterface, "pppInterface");
    }

    /** The built-in values, with {@code hostName} as the host name. */
    public static SystemConfig defaults(String hostName) {
        return new SystemConfig(
                List.of(IpLiterals.parse("0.0.0.0")),
                1701,
                hostName,
                4096,
                65536,
                512,
                new RateLimit(20, 50),
                new RateLimit(200, 500),
                false,
                IpLiterals.parseSocketAddress("127.0.0.1:9101"),
                TraceMask.NONE,
                Optional.empty(),
                DataPlaneMode.AUTO,
                "lns0",
                PppInterfaceName.KERNEL_DEFAULT);
    }
}
