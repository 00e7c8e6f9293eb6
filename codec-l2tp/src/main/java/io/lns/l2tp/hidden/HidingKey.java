package io.lns.l2tp.hidden;

import java.security.SecureRandom;
import java.util.Random;

/**
 * What the encoder needs to hide AVPs (RFC 2661 §4.3): the tunnel secret, and a source of random
 * vectors and padding. §4.3 asks for random vectors that are hard to predict, so the default is a
 * {@link SecureRandom}; tests pass a seeded {@link Random} for repeatable bytes.
 */
public record HidingKey(TunnelSecret secret, Random random) {
    public static final int RANDOM_VECTOR_LENGTH = 16;

    public static HidingKey of(TunnelSecret secret) {
        return new HidingKey(secret, new SecureRandom());
    }

    public byte[] newRandomVector() {
        byte[] rv = new byte[RANDOM_VECTOR_LENGTH];
        random.nextBytes(rv);
        return rv;
    }
}
