package io.lns.l2tp.control;

/**
 * The Tie Breaker rule (RFC 2661 §4.4.3): when both ends open a tunnel to each other at once, the
 * SCCRQ with the lower tie breaker value survives; equal values make both ends give up theirs.
 */
public final class TieBreaker {
    private TieBreaker() {}

    /** True when our own SCCRQ must be abandoned in favour of the peer's. */
    public static boolean weYield(long ours, long theirs) {
        return Long.compareUnsigned(theirs, ours) <= 0;
    }
}
