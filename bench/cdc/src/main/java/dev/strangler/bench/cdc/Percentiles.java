package dev.strangler.bench.cdc;

import java.util.Arrays;

/** Percentiles of latencies in nanoseconds, reported in milliseconds. */
record Percentiles(int count, double p50, double p99, double max) {

    static Percentiles of(long[] nanos, int count) {
        if (count == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Percentiles(count, millis(sorted[(int) Math.floor(0.50 * (count - 1))]),
                millis(sorted[(int) Math.floor(0.99 * (count - 1))]), millis(sorted[count - 1]));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p99, max);
    }
}
