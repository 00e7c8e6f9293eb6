package io.lns.l2tp.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final long MS = 1_000_000L;

    @Test
    void givesRateTokensPerSecondWithABoundedBurst() {
        TokenBucket b = new TokenBucket(100, 5, 0);
        assertThat(b.tryTake(0)).isTrue();
        assertThat(b.tryTake(0)).isFalse();
        assertThat(b.nanosUntilToken(0)).isEqualTo(10 * MS);
        assertThat(b.tryTake(10 * MS)).isTrue();

        int taken = 0;
        while (b.tryTake(10_000 * MS)) taken++; // idle for 10 s saves up only the burst
        assertThat(taken).isEqualTo(5);

        int inOneSecond = 0;
        for (long t = 10_000 * MS; t <= 11_000 * MS; t += MS) if (b.tryTake(t)) inOneSecond++;
        assertThat(inOneSecond).isBetween(99, 100); // floating-point refill
    }

    @Test
    void aRefundedTokenCanBeTakenAgainAndZeroRateMeansNoLimit() {
        TokenBucket b = new TokenBucket(1, 1, 0);
        assertThat(b.tryTake(0)).isTrue();
        b.refund();
        assertThat(b.tryTake(0)).isTrue();

        TokenBucket free = TokenBucket.forRate(0, 0);
        for (int i = 0; i < 1000; i++) assertThat(free.tryTake(0)).isTrue();
        assertThat(free.nanosUntilToken(0)).isZero();
    }

    @org.junit.jupiter.api.Test
    void aFullBucketAllowsItsBurstAtOnceThenTheRate() {
        TokenBucket b = TokenBucket.full(10, 3, 0);
        int taken = 0;
        while (b.tryTake(0)) taken++;
        org.assertj.core.api.Assertions.assertThat(taken).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(b.tryTake(100_000_000L)).isTrue();
        org.assertj.core.api.Assertions.assertThat(b.tryTake(100_000_000L)).isFalse();
    }
}
