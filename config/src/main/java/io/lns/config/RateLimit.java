package io.lns.config;

/**
 * A token bucket: {@code perSecond} tokens are added each second up to {@code burst}; each new
 * tunnel (or call) takes one.
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) throw new IllegalArgumentException("perSecond > 0");
        if (burst < 1) throw new IllegalArgumentException("burst >= 1");
    }
}
