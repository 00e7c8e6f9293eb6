package io.lns.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Binds the {@code system} section; what it does not set keeps the built-in value. */
final class SystemBinder {

    static final int MAX_SESSIONS_LIMIT = 4_194_304;
    static final int RATE_LIMIT = 1_000_000;

    static final java.util.Map<String, DataPlaneMode> DATA_PLANES = TunnelBinder.words(DataPlaneMode.values());
    private static final java.util.regex.Pattern IFNAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,15}");

    private SystemBinder() {}

    private static String interfaceName(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "an interface name");
        if (text == null) return null;
        if (!IFNAME.matcher(text).matches()) {
            ctx.error(n, path, ctx.quote(text) + ": an interface name is 1 to 15 of A-Z a-z 0-9 _ . -");
            return null;
        }
        return text;
    }

    static SystemConfig bind(MappingReader top, BindContext ctx) {
        MappingReader r = MappingReader.of(top.value("system"), top.keyMark("system"), "system", ctx);
        SystemConfig d = SystemConfig.defaults(ctx.machineHostName());
        List<InetAddress> listen = r.get("listen-addresses", d.listenAddresses(), SystemBinder::listenAddresses);
        int port = r.get("listen-port", d.listenPort(), Scalars.ints(1, 65535));
        String hostName = r.get("host-name", d.hostName(), Values::hostName);
        int maxTunnels = r.get("max-tunnels", d.maxTunnels(), Scalars.ints(1, 65535));
        int maxSessions = r.get("max-sessions", d.maxSessions(), Scalars.ints(1, MAX_SESSIONS_LIMIT));
        int maxInSetup = r.get("max-sessions-in-setup", d.maxSessionsInSetup(), Scalars.ints(1, 65535));
        RateLimit tunnelRate = rate(r, "new-tunnel-rate", d.newTunnelRate());
        RateLimit callRate = rate(r, "new-call-rate", d.newCallRate());
        boolean deny = r.get("deny-remote-tunnel-creates", d.denyRemoteTunnelCreates(), Scalars::bool);
        InetSocketAddress metrics = r.get("metrics-address", d.metricsAddress(), Values::socketAddress);
        TraceMask trace = r.get("trace", d.trace(), Values::trace);
        Optional<Path> usersFile = r.get("users-file", d.usersFile(), SystemBinder::usersFile);
        DataPlaneMode dataPlane = r.get("dataplane", d.dataPlane(), Scalars.words(DATA_PLANES));
        String tunDevice = r.get("tun-device", d.tunDevice(), SystemBinder::interfaceName);
        PppInterfaceName pppInterface = r.get("ppp-interface", d.pppInterface(), SystemBinder::pppInterface);
        r.rejectUnknown(null);
        return new SystemConfig(
                listen,
                port,
                hostName,
                maxTunnels,
                maxSessions,
                maxInSetup,
                tunnelRate,
                callRate,
                deny,
                metrics,
                trace,
                usersFile,
                dataPlane,
                tunDevice,
                pppInterface);
    }

    private static List<InetAddress> listenAddresses(Node n, String path, BindContext ctx) {
        List<InetAddress> list = Values.list(n, path, ctx, Values::address);
        if (list == null) return null;
        if (list.isEmpty()) {
            ctx.error(n, path, "at least one address is needed (0.0.0.0 for every IPv4 address, :: for every IPv6)");
            return null;
        }
        Set<InetAddress> seen = new HashSet<>();
        for (InetAddress a : list) {
            if (!seen.add(a)) {
                ctx.error(n, path, IpLiterals.format(a) + " is listed twice");
                return null;
            }
        }
        return list;
    }

    private static PppInterfaceName pppInterface(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "an interface name pattern");
        if (text == null) return null;
        try {
            return PppInterfaceName.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.error(n, path, ctx.quote(text) + ": " + e.getMessage());
            return null;
        }
    }

    private static Optional<Path> usersFile(Node n, String path, BindContext ctx) {
        String text = Scalars.text(n, path, ctx, "a file path");
        if (text == null) return null;
        if (text.isBlank() || text.indexOf('\0') >= 0) {
            ctx.error(n, path, "a file path is not empty and has no NUL character");
            return null;
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            ctx.error(n, path, ctx.quote(text) + ": not a valid path: " + e.getReason());
            return null;
        }
    }

    private static RateLimit rate(MappingReader parent, String key, RateLimit base) {
        if (!parent.has(key)) return base;
        BindContext ctx = parent.ctx();
        MappingReader r = MappingReader.of(parent.value(key), parent.keyMark(key), parent.path(key), ctx);
        double perSecond = r.get("per-second", base.perSecond(), (n, p, c) -> Scalars.decimal(n, p, c, 0, RATE_LIMIT));
        int burst = r.get("burst", base.burst(), Scalars.ints(1, RATE_LIMIT));
        r.rejectUnknown(null);
        return new RateLimit(perSecond, burst);
    }
}
