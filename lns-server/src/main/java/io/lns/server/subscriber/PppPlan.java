package io.lns.server.subscriber;

import io.lns.ppp.auth.Authenticator;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.server.pool.AddressPool;
import io.lns.server.pool.AddressPools;
import java.net.Inet4Address;
import java.util.Objects;
import java.util.Optional;

/**
 * How the PPP of a tunnel's sessions runs: its ppp profile resolved against the pools and the
 * authenticator.
 *
 * @param lcp our LCP: MRU, authentication protocols in order, echo keepalive
 * @param ipv6 whether IPv6CP runs
 * @param hostName the name in CHAP Challenges
 * @param authenticator who checks credentials
 * @param pools every pool (a user entry may name one, or a fixed address inside one)
 * @param pool the profile's pool, if it names one
 * @param gateway our IPCP address
 * @param primaryDns offered in IPCP, or null
 * @param secondaryDns likewise
 * @param acceptProxyLcp use the LAC's proxy LCP and authentication when acceptable
 * @param mssClamp lower TCP MSS options to fit each session's MTU
 */
public record PppPlan(
        LcpConfig lcp,
        boolean ipv6,
        String hostName,
        Authenticator authenticator,
        AddressPools pools,
        Optional<AddressPool> pool,
        Inet4Address gateway,
        Inet4Address primaryDns,
        Inet4Address secondaryDns,
        boolean acceptProxyLcp,
        boolean mssClamp) {
    public PppPlan {
        Objects.requireNonNull(lcp, "lcp");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(pools, "pools");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(gateway, "gateway");
    }
}
