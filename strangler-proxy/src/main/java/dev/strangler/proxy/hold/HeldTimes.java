package dev.strangler.proxy.hold;

import java.util.Arrays;

/** The latest held times of one route (a ring of the last {@value #KEPT}), for percentiles. */
final class HeldTimes {

    private static final int KEPT = 10_000;

    private final long[] micros = new long[KEPT];
    private long count;
    private long timedOut;

    synchronized void released(long heldMicros) {
        micros[(int) (count % KEPT)] = heldMicros;
        count++;
    }

    synchronized void timedOut() {
        timedOut++;
    }

    synchronized HoldFigures figures() {
        int kept = (int) Math.min(count, KEPT);
        long[] sorted = Arrays.copyOf(micros, kept);
        Arrays.sort(sorted);
        return new HoldFigures(count, timedOut, percentile(sorted, 0.50), percentile(sorted, 0.99),
                kept == 0 ? 0 : sorted[kept - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
