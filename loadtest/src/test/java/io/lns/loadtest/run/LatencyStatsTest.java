package io.lns.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void nearestRankPercentiles() {
        LatencyStats s = new LatencyStats();
        for (int i = 100; i >= 1; i--) s.add(i);
        assertThat(s.percentile(50)).isEqualTo(50);
        assertThat(s.percentile(99)).isEqualTo(99);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.mean()).isEqualTo(50.5);
        s.add(1000);
        assertThat(s.percentile(99)).isEqualTo(100);
        assertThat(s.max()).isEqualTo(1000);
    }

    @Test
    void emptyIsZero() {
        LatencyStats s = new LatencyStats();
        assertThat(s.percentile(99)).isZero();
        assertThat(s.max()).isZero();
        assertThat(s.count()).isZero();
    }
}
