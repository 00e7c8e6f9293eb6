package io.lns.l2tp.control;

/**
 * A token bucket: {@code rate} tokens per second, at most {@code burst} saved up. A rate of 0 or
 * less means no limit. Paces the load tester's calls and limits the LNS's new tunnels and calls.
 * Driven by the caller's clock (nanoseconds); not thread-safe.
 */
public final class TokenBucket {
    private static final double NANOS = 1e9;

    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    /** Starts with one token: pacing begins at once, without an initial burst. */
    public TokenBucket(double rate, double burst, long now) {
        this(rate, burst, 1, now);
    }

    private TokenBucket(double rate, double burst, double initial, long now) {
        this.rate = rate;
        this.burst = Math.max(1, burst);
        this.tokens = Math.min(this.burst, initial);
        this.last = now;
    }

    /** Starts full: a limit that allows its whole burst from the start. */
    public static TokenBucket full(double rate, double burst, long now) {
        return new TokenBucket(rate, burst, burst, now);
    }

    /** A bucket that saves up at most 50 ms worth of tokens (at least one). */
    public static TokenBucket forRate(double rate, long now) {
        return new TokenBucket(rate, rate * 0.05, now);
    }

    public boolean unlimited() {
        return rate <= 0;
    }

    /** Takes a token when one is there. */
    public boolean tryTake(long now) {
        if (unlimited()) return true;
        refill(now);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** Gives back a token taken but not used. */
    public void refund() {
        if (!unlimited()) tokens = Math.min(burst, tokens + 1);
    }

    /** Nanoseconds until a token is there (0 when one is). */
    public long nanosUntilToken(long now) {
        if (unlimited()) return 0;
        refill(now);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate * NANOS);
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(burst, tokens + (now - last) * rate / NANOS);
            last = now;
        }
    }
}
