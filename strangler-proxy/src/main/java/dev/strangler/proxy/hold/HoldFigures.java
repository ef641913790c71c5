package dev.strangler.proxy.hold;

/**
 * What holding a route's writes cost its clients, on this instance since it started.
 *
 * @param held     writes that waited for a hold and were then sent on
 * @param timedOut writes that waited longer than {@code strangler.proxy.hold.max-wait} and got a 503
 * @param p50Ms    median time a held write waited, milliseconds
 * @param p99Ms    99th percentile
 * @param maxMs    longest
 */
public record HoldFigures(long held, long timedOut, double p50Ms, double p99Ms, double maxMs) {
}
