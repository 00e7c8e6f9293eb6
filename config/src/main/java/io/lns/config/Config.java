package io.lns.config;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One loaded configuration, immutable. Every profile map holds a {@code default} entry, and every
 * profile is complete (what a named profile does not set was taken from its kind's {@code default}
 * when the file was loaded). Every pool a ppp profile names is in {@code addressPools}. A running server keeps the profiles it resolved for a tunnel or session;
 * a new {@code Config} affects only tunnels and sessions created after it.
 */
public record Config(
        SystemConfig system,
        Map<String, PeerProfile> peerProfiles,
        Map<String, TunnelProfile> tunnelProfiles,
        Map<String, SessionProfile> sessionProfiles,
        Map<String, PppProfile> pppProfiles,
        Map<String, AddressPool> addressPools) {

    /** The reserved profile name of each kind. */
    public static final String DEFAULT = "default";

    public Config {
        Objects.requireNonNull(system, "system");
        peerProfiles = frozen(peerProfiles, "peer");
        tunnelProfiles = frozen(tunnelProfiles, "tunnel");
        sessionProfiles = frozen(sessionProfiles, "session");
        pppProfiles = frozen(pppProfiles, "ppp");
        addressPools = Collections.unmodifiableMap(new LinkedHashMap<>(addressPools));
    }

    /** A config without address pools. */
    public Config(
            SystemConfig system,
            Map<String, PeerProfile> peerProfiles,
            Map<String, TunnelProfile> tunnelProfiles,
            Map<String, SessionProfile> sessionProfiles,
            Map<String, PppProfile> pppProfiles) {
        this(system, peerProfiles, tunnelProfiles, sessionProfiles, pppProfiles, Map.of());
    }

    /** The address pool named by {@code profile}, if it names one. */
    public Optional<AddressPool> pool(PppProfile profile) {
        return profile.pool().map(addressPools::get);
    }

    private static <T> Map<String, T> frozen(Map<String, T> m, String kind) {
        if (!m.containsKey(DEFAULT)) throw new IllegalArgumentException("no default " + kind + " profile");
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The peer profile for a new tunnel from {@code address} whose SCCRQ carried {@code hostName} (may be null). */
    public PeerMatch match(InetAddress address, String hostName) {
        return PeerMatcher.match(peerProfiles, address, hostName);
    }

    /** The named peer profile, or {@code default} if there is none of that name (or the name is null). */
    public PeerProfile resolvePeer(String name) {
        return orDefault(peerProfiles, name);
    }

    /** The named tunnel profile, or {@code default} if there is none of that name (or the name is null). */
    public TunnelProfile resolveTunnel(String name) {
        return orDefault(tunnelProfiles, name);
    }

    /** The named session profile, or {@code default} if there is none of that name (or the name is null). */
    public SessionProfile resolveSession(String name) {
        return orDefault(sessionProfiles, name);
    }

    /** The named ppp profile, or {@code default} if there is none of that name (or the name is null). */
    public PppProfile resolvePpp(String name) {
        return orDefault(pppProfiles, name);
    }

    /** Tunnel profile name for a new tunnel: the request's, else the peer profile's, else {@code default}. */
    public String tunnelProfileName(String requested, PeerProfile peer) {
        return first(tunnelProfiles, requested, peer.tunnelProfile());
    }

    /**
     * Session profile name for a new session: the request's, else the tunnel profile's, else the peer
     * profile's, else {@code default}. A name this config does not hold (from a request, or from a
     * tunnel's profile snapshot taken before a reload) is skipped.
     */
    public String sessionProfileName(String requested, TunnelProfile tunnel, PeerProfile peer) {
        return first(sessionProfiles, requested, tunnel.sessionProfile().orElse(null), peer.sessionProfile());
    }

    /**
     * Ppp profile name for a new session: the request's, else the session profile's, else the tunnel
     * profile's, else the peer profile's, else {@code default}; unknown names are skipped.
     */
    public String pppProfileName(String requested, SessionProfile session, TunnelProfile tunnel, PeerProfile peer) {
        return first(
                pppProfiles,
                requested,
                session.pppProfile().orElse(null),
                tunnel.pppProfile().orElse(null),
                peer.pppProfile());
    }

    private static <T> T orDefault(Map<String, T> m, String name) {
        T t = name == null ? null : m.get(name);
        return t != null ? t : m.get(DEFAULT);
    }

    private static String first(Map<String, ?> m, String... candidates) {
        for (String c : candidates) if (c != null && m.containsKey(c)) return c;
        return DEFAULT;
    }
}
