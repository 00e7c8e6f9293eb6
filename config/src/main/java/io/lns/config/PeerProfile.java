package io.lns.config;

import java.util.List;
import java.util.Objects;

/**
 * A peer profile: which LACs it matches and which profiles their tunnels and sessions use.
 *
 * @param addresses prefixes the peer's address must lie in (empty: any address)
 * @param hostNames Host Name AVP values it matches, compared without regard to case (empty: any)
 * @param tunnelProfile tunnel profile for tunnels from this peer
 * @param sessionProfile session profile when neither the request nor the tunnel profile names one
 * @param pppProfile ppp profile when neither the request, the session nor the tunnel profile names one
 * @param maxSessions sessions all tunnels from one matching peer address may carry; 0: no limit
 */
public record PeerProfile(
        List<IpPrefix> addresses,
        List<String> hostNames,
        String tunnelProfile,
        String sessionProfile,
        String pppProfile,
        int maxSessions) {

    /** The built-in {@code default} peer profile: no match criteria, every reference to {@code default}. */
    public static final PeerProfile DEFAULTS =
            new PeerProfile(List.of(), List.of(), Config.DEFAULT, Config.DEFAULT, Config.DEFAULT, 0);

    public PeerProfile {
        addresses = List.copyOf(addresses);
        hostNames = List.copyOf(hostNames);
        Objects.requireNonNull(tunnelProfile, "tunnelProfile");
        Objects.requireNonNull(sessionProfile, "sessionProfile");
        Objects.requireNonNull(pppProfile, "pppProfile");
    }
}
