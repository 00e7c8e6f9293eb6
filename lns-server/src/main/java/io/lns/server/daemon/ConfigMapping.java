package io.lns.server.daemon;

import io.lns.config.Config;
import io.lns.config.PeerMatch;
import io.lns.config.PeerProfile;
import io.lns.config.PppProfile;
import io.lns.config.SessionProfile;
import io.lns.config.SystemConfig;
import io.lns.config.TunnelProfile;
import io.lns.l2tp.control.ReliableChannelConfig;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.ppp.auth.Authenticator;
import io.lns.ppp.fsm.FsmConfig;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.ppp.proxy.ProxyPolicy;
import io.lns.ppp.session.PppSessionConfig;
import io.lns.server.pool.AddressPool;
import io.lns.server.pool.AddressPools;
import io.lns.server.pool.Ipv4;
import io.lns.server.subscriber.PppPlan;
import io.lns.server.transport.TunnelPlan;
import io.lns.server.tunnel.Admission;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the configuration into what the transport and tunnels use: the admission limits, and for
 * each new tunnel the profiles its peer resolves to (peer → tunnel → session → default).
 */
final class ConfigMapping {
    private ConfigMapping() {}

    static Admission.Limits limits(SystemConfig s) {
        return new Admission.Limits(
                s.maxTunnels(),
                s.maxSessions(),
                s.maxSessionsInSetup(),
                s.newTunnelRate().perSecond(),
                s.newTunnelRate().burst(),
                s.newCallRate().perSecond(),
                s.newCallRate().burst(),
                s.denyRemoteTunnelCreates());
    }

    /**
     * The plan for a tunnel from {@code peer} announcing {@code peerHostName}.
     *
     * @param extraTrace trace bits added to every tunnel (-d, -D)
     */
    static TunnelPlan plan(Config config, InetSocketAddress peer, String peerHostName, int extraTrace) {
        return plan(config, peer, peerHostName, extraTrace, null);
    }

    /**
     * As {@link #plan(Config, InetSocketAddress, String, int)}, with the sessions' PPP from the
     * peer's ppp profile when {@code aaa} is given.
     */
    static TunnelPlan plan(Config config, InetSocketAddress peer, String peerHostName, int extraTrace, Aaa aaa) {
        PeerMatch match = config.match(peer.getAddress(), peerHostName);
        PeerProfile peerProfile = match.profile();
        TunnelProfile t = config.resolveTunnel(config.tunnelProfileName(null, peerProfile));
        SessionProfile s = config.resolveSession(config.sessionProfileName(null, t, peerProfile));
        ReliableChannelConfig channel = new ReliableChannelConfig(
                t.receiveWindow(),
                t.retransmitInitial().toNanos(),
                t.retransmitCap().toNanos(),
                t.maxRetries(),
                t.ackDelay().toNanos());
        TunnelSettings settings = new TunnelSettings(
                config.system().hostName(),
                t.secret().map(secret -> TunnelSecret.of(secret.bytes())).orElse(null),
                t.authMode(),
                match.matched(),
                t.hideAvps(),
                t.helloInterval().toNanos(),
                channel,
                t.maxSessions(),
                s.sequencing(),
                t.trace().bits() | s.trace().bits() | extraTrace,
                t.hideAvpsInSccrp(),
                t.setupTimeout().toNanos());
        PppPlan ppp = aaa == null
                ? null
                : aaa.plans()
                        .computeIfAbsent(
                                config.pppProfileName(null, s, t, peerProfile),
                                name -> pppPlan(config, config.resolvePpp(name), aaa));
        return new TunnelPlan(settings, t.sourcePort(), peerProfile.maxSessions(), ppp);
    }

    /** What PPP needs beyond the configuration, and the plans made so far (one per ppp profile). */
    record Aaa(Authenticator authenticator, AddressPools pools, Map<String, PppPlan> plans) {
        Aaa(Authenticator authenticator, AddressPools pools) {
            this(authenticator, pools, new ConcurrentHashMap<>());
        }
    }

    static PppPlan pppPlan(Config config, PppProfile p, Aaa aaa) {
        if (!p.chapRechallengeInterval().isZero()) {
            org.slf4j.LoggerFactory.getLogger(ConfigMapping.class)
                    .warn("chap-rechallenge-interval is not acted on yet: no periodic CHAP re-challenges are sent");
        }
        List<AuthProtocol> auth = p.authProtocols().stream()
                .map(a -> switch (a) {
                    case PAP -> AuthProtocol.PAP;
                    case CHAP -> AuthProtocol.CHAP_MD5;
                    case MSCHAPV2 -> AuthProtocol.MSCHAP_V2;
                })
                .toList();
        LcpConfig lcp = LcpConfig.authenticator(p.mru(), auth).withEcho(p.lcpEchoInterval(), p.lcpEchoFailures());
        Optional<io.lns.config.AddressPool> poolConfig = config.pool(p);
        Optional<AddressPool> pool = p.pool().flatMap(aaa.pools()::pool);
        Inet4Address gateway =
                poolConfig.map(io.lns.config.AddressPool::gateway).orElseGet(() -> Ipv4.toAddress(0x64400001));
        PppSessionConfig session = new PppSessionConfig(
                PppSessionConfig.Role.AUTHENTICATOR,
                lcp,
                FsmConfig.DEFAULT,
                p.ipv6cp(),
                config.system().hostName(),
                aaa.authenticator(),
                gateway,
                p.dns().isEmpty() ? null : p.dns().get(0),
                p.dns().size() < 2 ? null : p.dns().get(1),
                null,
                null,
                false,
                p.proxyLcp() == io.lns.config.ProxyLcp.ACCEPT ? ProxyPolicy.ACCEPT : ProxyPolicy.RENEGOTIATE);
        return new PppPlan(session, aaa.pools(), pool, p.tcpMssClamp());
    }
}
