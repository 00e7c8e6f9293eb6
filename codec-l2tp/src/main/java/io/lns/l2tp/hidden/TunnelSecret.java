package io.lns.l2tp.hidden;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A tunnel's shared secret. Its {@link #toString()} never shows the secret, so it cannot leak
 * into logs by accident.
 */
public final class TunnelSecret {
    private final byte[] secret;

    private TunnelSecret(byte[] secret) {
        this.secret = secret;
    }

    public static TunnelSecret of(String secret) {
        return new TunnelSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    public static TunnelSecret of(byte[] secret) {
        return new TunnelSecret(secret.clone());
    }

    /** The secret octets; callers must not modify or log them. */
    public byte[] bytes() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TunnelSecret other && java.security.MessageDigest.isEqual(secret, other.secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
        return "TunnelSecret[redacted]";
    }
}
