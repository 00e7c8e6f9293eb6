package io.lns.ppp.session;

import io.lns.ppp.auth.Authenticator;
import io.lns.ppp.fsm.FsmConfig;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.ppp.proxy.ProxyPolicy;
import java.net.Inet4Address;
import java.util.Objects;

/**
 * How a {@link PppSession} runs; one config serves every session of a profile (what differs per
 * session, such as the address lease, comes through the {@link PppSessionSink}).
 *
 * @param role authenticator (LNS) or peer (subscriber, for the load tester)
 * @param lcp LCP settings; for the authenticator, {@code requestAuth} lists the protocols asked for
 *     (empty: no authentication)
 * @param ncpFsm restart timer and counters of IPCP, IPv6CP and the authentication retransmissions
 * @param ipv6 whether to run IPv6CP
 * @param hostName the name sent in CHAP Challenges (authenticator role)
 * @param authenticator authenticator role: who checks credentials
 * @param gateway authenticator role: our IPv4 address
 * @param primaryDns authenticator role: handed out on request, or {@code null}
 * @param secondaryDns likewise
 * @param user peer role: our user name
 * @param password peer role: our password
 * @param requestDns peer role: ask for DNS servers
 * @param proxyPolicy authenticator role: take a LAC's proxy LCP when acceptable, or always
 *     renegotiate ({@code null}: {@link ProxyPolicy#ACCEPT})
 */
public record PppSessionConfig(
        Role role,
        LcpConfig lcp,
        FsmConfig ncpFsm,
        boolean ipv6,
        String hostName,
        Authenticator authenticator,
        Inet4Address gateway,
        Inet4Address primaryDns,
        Inet4Address secondaryDns,
        String user,
        String password,
        boolean requestDns,
        ProxyPolicy proxyPolicy) {
    public enum Role {
        AUTHENTICATOR,
        PEER
    }

    public PppSessionConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(lcp, "lcp");
        Objects.requireNonNull(ncpFsm, "ncpFsm");
        if (proxyPolicy == null) proxyPolicy = ProxyPolicy.ACCEPT;
        if (role == Role.AUTHENTICATOR) {
            Objects.requireNonNull(gateway, "gateway");
            if (!lcp.requestAuth().isEmpty()) Objects.requireNonNull(authenticator, "authenticator");
            if (hostName == null) hostName = "lns";
        } else {
            if (user == null) user = "";
            if (password == null) password = "";
        }
    }

    public static PppSessionConfig authenticator(
            LcpConfig lcp,
            Authenticator authenticator,
            Inet4Address gateway,
            Inet4Address primaryDns,
            Inet4Address secondaryDns) {
        return new PppSessionConfig(
                Role.AUTHENTICATOR,
                lcp,
                FsmConfig.DEFAULT,
                true,
                "lns",
                authenticator,
                gateway,
                primaryDns,
                secondaryDns,
                null,
                null,
                false,
                ProxyPolicy.ACCEPT);
    }

    public static PppSessionConfig peer(LcpConfig lcp, String user, String password, boolean requestDns) {
        return new PppSessionConfig(
                Role.PEER,
                lcp,
                FsmConfig.DEFAULT,
                true,
                null,
                null,
                null,
                null,
                null,
                user,
                password,
                requestDns,
                ProxyPolicy.ACCEPT);
    }

    public PppSessionConfig withIpv6(boolean ipv6) {
        return new PppSessionConfig(
                role,
                lcp,
                ncpFsm,
                ipv6,
                hostName,
                authenticator,
                gateway,
                primaryDns,
                secondaryDns,
                user,
                password,
                requestDns,
                proxyPolicy);
    }

    public PppSessionConfig withProxyPolicy(ProxyPolicy proxyPolicy) {
        return new PppSessionConfig(
                role,
                lcp,
                ncpFsm,
                ipv6,
                hostName,
                authenticator,
                gateway,
                primaryDns,
                secondaryDns,
                user,
                password,
                requestDns,
                proxyPolicy);
    }
}
