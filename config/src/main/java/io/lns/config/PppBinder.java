package io.lns.config;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Binds one ppp profile over its base. */
final class PppBinder {

    static final Map<String, PppAuthProtocol> AUTH_PROTOCOLS = TunnelBinder.words(PppAuthProtocol.values());
    static final Map<String, ProxyLcp> PROXY_LCP = TunnelBinder.words(ProxyLcp.values());

    private PppBinder() {}

    static PppProfile bind(MappingReader r, PppProfile base, String name) {
        List<PppAuthProtocol> auth = r.get("auth-protocols", base.authProtocols(), PppBinder::authProtocols);
        int mru = r.get("mru", base.mru(), Scalars.ints(576, 65535));
        Duration echo = r.get("lcp-echo-interval", base.lcpEchoInterval(), PppBinder::echoInterval);
        int failures = r.get("lcp-echo-failures", base.lcpEchoFailures(), Scalars.ints(1, 100));
        Optional<String> pool = r.get("pool", base.pool(), PppBinder::pool);
        List<Inet4Address> dns = r.get("dns", base.dns(), PppBinder::dns);
        boolean ipv6cp = r.get("ipv6cp", base.ipv6cp(), Scalars::bool);
        ProxyLcp proxy = r.get("proxy-lcp", base.proxyLcp(), Scalars.words(PROXY_LCP));
        Duration rechallenge =
                r.get("chap-rechallenge-interval", base.chapRechallengeInterval(), PppBinder::rechallenge);
        boolean clamp = r.get("tcp-mss-clamp", base.tcpMssClamp(), Scalars::bool);
        r.rejectUnknown(null);
        return new PppProfile(auth, mru, echo, failures, pool, dns, ipv6cp, proxy, rechallenge, clamp);
    }

    private static List<PppAuthProtocol> authProtocols(Node n, String path, BindContext ctx) {
        List<Node> items = Scalars.items(n, path, ctx);
        if (items == null) return null;
        if (items.isEmpty()) {
            ctx.error(n, path, "at least one of " + String.join(", ", AUTH_PROTOCOLS.keySet()) + " is needed");
            return null;
        }
        List<PppAuthProtocol> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            PppAuthProtocol p = Scalars.word(item, path, ctx, AUTH_PROTOCOLS);
            if (p == null) {
                ok = false;
            } else if (out.contains(p)) {
                ctx.error(
                        item,
                        path,
                        ctx.quote(((org.yaml.snakeyaml.nodes.ScalarNode) item).getValue()) + " is listed twice");
                ok = false;
            } else {
                out.add(p);
            }
        }
        return ok ? out : null;
    }

    private static Duration echoInterval(Node n, String path, BindContext ctx) {
        Duration d = Scalars.duration(n, path, ctx, Duration.ZERO, Duration.ofHours(1));
        if (d != null && !d.isZero() && d.compareTo(Duration.ofSeconds(1)) < 0) {
            ctx.error(n, path, "an LCP echo interval is 0s (no echoes) or at least 1s");
            return null;
        }
        return d;
    }

    private static Duration rechallenge(Node n, String path, BindContext ctx) {
        Duration d = Scalars.duration(n, path, ctx, Duration.ZERO, Duration.ofHours(24));
        if (d != null && !d.isZero() && d.compareTo(Duration.ofSeconds(10)) < 0) {
            ctx.error(n, path, "a CHAP re-challenge interval is 0s (none) or at least 10s");
            return null;
        }
        return d;
    }

    /** A pool name, checked against {@code address-pools} later; {@code ""} means no pool. */
    private static Optional<String> pool(Node n, String path, BindContext ctx) {
        String name = Scalars.text(n, path, ctx, "an address pool name");
        if (name == null) return null;
        if (name.isEmpty()) return Optional.empty();
        ctx.reference("address-pools", name, n, path);
        return Optional.of(name);
    }

    private static List<Inet4Address> dns(Node n, String path, BindContext ctx) {
        List<Node> items = Scalars.items(n, path, ctx);
        if (items == null) return null;
        if (items.size() > 2) {
            ctx.error(
                    n, path, "at most two DNS servers (IPCP carries a primary and a secondary), found " + items.size());
            return null;
        }
        List<Inet4Address> out = new ArrayList<>();
        Set<Inet4Address> seen = new HashSet<>();
        boolean ok = true;
        for (Node item : items) {
            Inet4Address a = PoolBinder.gateway(item, path, ctx);
            if (a == null) {
                ok = false;
            } else if (!seen.add(a)) {
                ctx.error(item, path, IpLiterals.format(a) + " is listed twice");
                ok = false;
            } else {
                out.add(a);
            }
        }
        return ok ? out : null;
    }
}
