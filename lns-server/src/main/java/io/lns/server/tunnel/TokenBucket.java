package io.lns.server.tunnel;

/** A token bucket: {@code rate} tokens per second, holding at most {@code burst}. Thread-safe. */
public final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    /** {@code rate <= 0} means unlimited. */
    public TokenBucket(double ratePerSecond, double burst, long now) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
        this.last = now;
    }

    public synchronized boolean tryTake(long now) {
        if (ratePerNano <= 0) return true;
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
