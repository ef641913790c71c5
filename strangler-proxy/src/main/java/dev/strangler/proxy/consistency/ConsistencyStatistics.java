package dev.strangler.proxy.consistency;

import java.util.Arrays;

/** What read-your-writes did on one route, on this instance since it started. */
final class ConsistencyStatistics {

    private static final int KEPT = 10_000;

    private final long[] redirectAges = new long[KEPT];
    private final long[] waitTimes = new long[KEPT];
    private long redirected;
    private long waited;
    private long timedOut;

    /** A read sent to the backend that took a write it depends on, {@code ageMicros} after that write. */
    synchronized void redirected(long ageMicros) {
        redirectAges[(int) (redirected % KEPT)] = ageMicros;
        redirected++;
    }

    /** A request that waited {@code micros} for a barrier; {@code confirmed} false when it gave up. */
    synchronized void waited(long micros, boolean confirmed) {
        waitTimes[(int) (waited % KEPT)] = micros;
        waited++;
        if (!confirmed) {
            timedOut++;
        }
    }

    synchronized ConsistencyFigures figures() {
        return new ConsistencyFigures(redirected, percentile(redirectAges, redirected, 0.99),
                waited, percentile(waitTimes, waited, 0.50), percentile(waitTimes, waited, 0.99), timedOut);
    }

    private static double percentile(long[] values, long count, double quantile) {
        int kept = (int) Math.min(count, KEPT);
        if (kept == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(quantile * kept) - 1)] / 1000.0;
    }
}
