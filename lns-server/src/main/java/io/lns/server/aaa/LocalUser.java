package io.lns.server.aaa;

import io.lns.config.Secret;
import io.lns.ppp.auth.FramedRoute;
import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user from a local users file. {@code toString} shows the password as {@code <redacted>}
 * ({@link Secret} never shows itself).
 */
public record LocalUser(
        String name,
        Secret password,
        Optional<Inet4Address> address,
        Optional<String> pool,
        Optional<String> pppProfile,
        List<FramedRoute> routes) {

    public LocalUser {
        routes = List.copyOf(routes);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(pppProfile, "pppProfile");
    }
}
