package io.lns.server.aaa;

import io.lns.config.Secret;
import java.net.Inet4Address;
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
        Optional<String> pppProfile) {

    public LocalUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(pppProfile, "pppProfile");
    }
}
