package io.lns.ppp.session;

import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.lcp.AuthProtocol;
import java.net.Inet4Address;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a session agreed when IPCP opened.
 *
 * @param peerAddress the peer's IPv4 address (authenticator role: the one assigned)
 * @param localAddress our IPv4 address (authenticator role: the gateway)
 * @param primaryDns DNS server agreed, if any
 * @param secondaryDns DNS server agreed, if any
 * @param localInterfaceId our IPv6 interface identifier, if IPv6CP opened first
 * @param peerInterfaceId the peer's IPv6 interface identifier, if IPv6CP opened first
 * @param user the authenticated user name (authenticator role) or our own (peer role), if any
 * @param authMethod the authentication protocol used, if any
 * @param authResult authenticator role: the authenticator's acceptance, if authentication ran
 */
public record SessionInfo(
        Inet4Address peerAddress,
        Inet4Address localAddress,
        Optional<Inet4Address> primaryDns,
        Optional<Inet4Address> secondaryDns,
        OptionalLong localInterfaceId,
        OptionalLong peerInterfaceId,
        Optional<String> user,
        Optional<AuthProtocol> authMethod,
        Optional<AuthResult.Accepted> authResult) {}
