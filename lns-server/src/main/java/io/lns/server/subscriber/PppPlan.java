package io.lns.server.subscriber;

import io.lns.ppp.session.PppSessionConfig;
import io.lns.server.pool.AddressPool;
import io.lns.server.pool.AddressPools;
import java.util.Objects;
import java.util.Optional;

/**
 * How the PPP of a tunnel's sessions runs: its ppp profile resolved against the pools and the
 * authenticator. One per ppp profile, shared by all its sessions.
 *
 * @param session the sessions' PPP (authenticator role): LCP, authentication, gateway, DNS, IPv6CP,
 *     proxy policy
 * @param pools every pool (a user entry may name one, or a fixed address inside one)
 * @param pool the profile's pool, if it names one
 * @param mssClamp lower TCP MSS options to fit each session's MTU
 */
public record PppPlan(PppSessionConfig session, AddressPools pools, Optional<AddressPool> pool, boolean mssClamp) {
    public PppPlan {
        Objects.requireNonNull(session, "session");
        if (session.role() != PppSessionConfig.Role.AUTHENTICATOR) {
            throw new IllegalArgumentException("an LNS's sessions run PPP as the authenticator");
        }
        Objects.requireNonNull(pools, "pools");
        Objects.requireNonNull(pool, "pool");
    }
}
