package io.lns.server.daemon;

import io.lns.config.Config;
import io.lns.config.PeerMatch;
import io.lns.config.PeerProfile;
import io.lns.config.SessionProfile;
import io.lns.config.SystemConfig;
import io.lns.config.TunnelProfile;
import io.lns.l2tp.control.ReliableChannelConfig;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.server.transport.TunnelPlan;
import io.lns.server.tunnel.Admission;
import java.net.InetSocketAddress;

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
                t.hideAvpsInSccrp());
        return new TunnelPlan(settings, t.sourcePort(), peerProfile.maxSessions());
    }
}
