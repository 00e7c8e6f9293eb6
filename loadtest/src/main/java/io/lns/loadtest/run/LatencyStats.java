package io.lns.loadtest.run;

import java.util.Arrays;

/** Records latencies (nanoseconds) and gives percentiles by the nearest-rank method. */
public final class LatencyStats {
    private long[] values = new long[64];
    private int count;
    private boolean sorted = true;

    public void add(long nanos) {
        if (count == values.length) values = Arrays.copyOf(values, count * 2);
        values[count++] = nanos;
        sorted = false;
    }

    public int count() {
        return count;
    }

    /** The nearest-rank percentile {@code p} (0 < p ≤ 100), or 0 with no values. */
    public long percentile(double p) {
        if (count == 0) return 0;
        sort();
        int rank = (int) Math.ceil(p / 100.0 * count);
        return values[Math.min(count, Math.max(1, rank)) - 1];
    }

    public long max() {
        if (count == 0) return 0;
        sort();
        return values[count - 1];
    }

    public double mean() {
        if (count == 0) return 0;
        double sum = 0;
        for (int i = 0; i < count; i++) sum += values[i];
        return sum / count;
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, count);
            sorted = true;
        }
    }
}
