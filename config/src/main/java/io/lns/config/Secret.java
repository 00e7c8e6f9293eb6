package io.lns.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A tunnel secret. Its text is only available through {@link #bytes()}; {@link #toString()} never
 * shows it, so a secret can sit in records, logs and error messages without leaking.
 */
public final class Secret {

    private static final String REDACTED = "<redacted>";

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** A secret holding the UTF-8 bytes of {@code text}, which must not be empty. */
    public static Secret of(String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("empty secret");
        return new Secret(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the secret's octets (RFC 2661 uses them for challenge responses and AVP hiding). */
    public byte[] bytes() {
        return value.clone();
    }

    /** Number of octets. */
    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
