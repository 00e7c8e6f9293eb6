package io.lns.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Peer profile lookup. A profile matches when every criterion it lists holds: its host names (if
 * any) contain the peer's Host Name, and its addresses (if any) contain the peer's address. Among
 * matching profiles, one matched by host name wins over one matched by address alone; among those,
 * the longest prefix wins. The loader rejects configs where this could be ambiguous (a host name in
 * two profiles, or one prefix in two address-only profiles). A linear scan: peer lookups happen once
 * per tunnel setup.
 */
final class PeerMatcher {

    private PeerMatcher() {}

    static PeerMatch match(Map<String, PeerProfile> peers, InetAddress rawAddress, String hostName) {
        InetAddress address = unmapped(rawAddress);
        if (hostName != null && !hostName.isEmpty()) {
            for (Map.Entry<String, PeerProfile> e : peers.entrySet()) {
                PeerProfile p = e.getValue();
                if (e.getKey().equals(Config.DEFAULT) || !hasHostName(p, hostName)) continue;
                if (p.addresses().isEmpty()) {
                    return new PeerMatch(e.getKey(), p, PeerMatch.By.HOST_NAME, Optional.empty());
                }
                IpPrefix best = longest(p, address);
                if (best != null) return new PeerMatch(e.getKey(), p, PeerMatch.By.HOST_NAME, Optional.of(best));
            }
        }
        String bestName = null;
        IpPrefix best = null;
        for (Map.Entry<String, PeerProfile> e : peers.entrySet()) {
            PeerProfile p = e.getValue();
            if (e.getKey().equals(Config.DEFAULT) || !p.hostNames().isEmpty()) continue;
            IpPrefix here = longest(p, address);
            if (here != null && (best == null || here.length() > best.length())) {
                best = here;
                bestName = e.getKey();
            }
        }
        if (best != null) return new PeerMatch(bestName, peers.get(bestName), PeerMatch.By.ADDRESS, Optional.of(best));
        return new PeerMatch(Config.DEFAULT, peers.get(Config.DEFAULT), PeerMatch.By.DEFAULT, Optional.empty());
    }

    private static boolean hasHostName(PeerProfile p, String hostName) {
        for (String h : p.hostNames()) if (h.equalsIgnoreCase(hostName)) return true;
        return false;
    }

    private static IpPrefix longest(PeerProfile p, InetAddress address) {
        IpPrefix best = null;
        for (IpPrefix prefix : p.addresses()) {
            if (prefix.contains(address) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best;
    }

    /** An IPv4-mapped IPv6 address (as a dual-stack socket reports IPv4 peers) as the IPv4 address. */
    static InetAddress unmapped(InetAddress a) {
        if (!(a instanceof Inet6Address)) return a;
        byte[] b = a.getAddress();
        for (int i = 0; i < 10; i++) if (b[i] != 0) return a;
        if (b[10] != (byte) 0xFF || b[11] != (byte) 0xFF) return a;
        return IpLiterals.fromBytes(Arrays.copyOfRange(b, 12, 16));
    }
}
