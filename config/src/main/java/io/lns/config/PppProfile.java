package io.lns.config;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ppp profile, complete: fields a named profile does not set come from {@code default}.
 *
 * @param authProtocols authentication protocols to offer the peer, most preferred first; non-empty, no repeats
 * @param mru our Maximum-Receive-Unit, 576..65535
 * @param lcpEchoInterval idle time between LCP Echo-Requests; zero sends none
 * @param lcpEchoFailures unanswered Echo-Requests in a row after which the session is closed
 * @param pool the address pool (in {@link Config#addressPools()}) peers get their IPv4 address from
 * @param dns DNS servers offered in IPCP (RFC 1877), at most two
 * @param ipv6cp whether IPv6CP is negotiated
 * @param proxyLcp what to do with proxy LCP AVPs from the LAC
 * @param chapRechallengeInterval time between CHAP/MS-CHAPv2 re-challenges once up; zero sends none
 * @param tcpMssClamp lower the MSS of TCP SYNs in both directions to fit the session's MTU
 */
public record PppProfile(
        List<PppAuthProtocol> authProtocols,
        int mru,
        Duration lcpEchoInterval,
        int lcpEchoFailures,
        Optional<String> pool,
        List<Inet4Address> dns,
        boolean ipv6cp,
        ProxyLcp proxyLcp,
        Duration chapRechallengeInterval,
        boolean tcpMssClamp) {

    /** The built-in {@code default} ppp profile. */
    public static final PppProfile DEFAULTS = new PppProfile(
            List.of(PppAuthProtocol.MSCHAPV2, PppAuthProtocol.CHAP, PppAuthProtocol.PAP),
            1460,
            Duration.ofSeconds(30),
            5,
            Optional.empty(),
            List.of(),
            true,
            ProxyLcp.ACCEPT,
            Duration.ZERO,
            true);

    public PppProfile {
        authProtocols = List.copyOf(authProtocols);
        if (authProtocols.isEmpty()) throw new IllegalArgumentException("no authentication protocol");
        if (authProtocols.stream().distinct().count() != authProtocols.size()) {
            throw new IllegalArgumentException("an authentication protocol is listed twice");
        }
        if (mru < 576 || mru > 65535) throw new IllegalArgumentException("mru must be 576..65535");
        Objects.requireNonNull(lcpEchoInterval, "lcpEchoInterval");
        if (lcpEchoFailures < 1 || lcpEchoFailures > 100) {
            throw new IllegalArgumentException("lcpEchoFailures must be 1..100");
        }
        Objects.requireNonNull(pool, "pool");
        dns = List.copyOf(dns);
        if (dns.size() > 2) throw new IllegalArgumentException("at most two DNS servers");
        Objects.requireNonNull(proxyLcp, "proxyLcp");
        Objects.requireNonNull(chapRechallengeInterval, "chapRechallengeInterval");
    }
}
