package dev.strangler.proxy.consistency;

/**
 * Read-your-writes on one route, on this instance since it started.
 *
 * @param redirectedReads  reads sent to the backend that took a write they depend on, instead of their own side
 * @param redirectAgeP99Ms how long after that write (99th percentile): how long the side change lasted
 * @param waited           requests that waited for the change feed (another backend took the write)
 * @param waitP50Ms        median wait
 * @param waitP99Ms        99th percentile wait
 * @param waitTimedOut     requests served after {@code max-wait} without a confirmation
 */
public record ConsistencyFigures(long redirectedReads, double redirectAgeP99Ms, long waited, double waitP50Ms,
                                 double waitP99Ms, long waitTimedOut) {
}
