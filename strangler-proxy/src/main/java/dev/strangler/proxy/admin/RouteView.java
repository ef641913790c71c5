package dev.strangler.proxy.admin;

import dev.strangler.proxy.consistency.ConsistencyFigures;
import dev.strangler.proxy.hold.HoldFigures;
import dev.strangler.proxy.routing.RouteStatistics;
import dev.strangler.proxy.toggle.Flip;
import dev.strangler.proxy.toggle.WritesHold;
import java.net.URI;
import java.util.List;

/**
 * A route as the admin API shows it: its configuration, its current toggle, and this instance's figures.
 *
 * @param name          the route's name
 * @param paths         the paths it serves
 * @param methods       the methods it serves (empty: all)
 * @param legacyUri     the monolith
 * @param extractedUri  the extracted service, or null for a legacy-only route
 * @param mode          the current mode
 * @param percent       the canary percentage
 * @param version       number of flips so far (0: the YAML's initial state)
 * @param lastFlip      the latest flip, or null
 * @param circuit       the extracted side's circuit breaker state, or null for a legacy-only route
 * @param traffic       request counters since this instance started
 * @param parity        the shadow comparison summary
 * @param writesHeld    the hold of the route's writes for a cut-over, or null
 * @param holds         what holds cost the route's writes on this instance
 * @param consistency   read-your-writes on this instance: reads redirected, requests that waited for the feed
 * @param ignoredPaths  JSON paths left out of the shadow comparison: the configured ones, then those added at runtime
 */
record RouteView(String name, List<String> paths, List<String> methods, URI legacyUri, URI extractedUri,
                 String mode, double percent, long version, Flip lastFlip, String circuit,
                 RouteStatistics.Snapshot traffic, ParitySummary parity, WritesHold writesHeld, HoldFigures holds,
                 ConsistencyFigures consistency, List<String> ignoredPaths) {

    /**
     * @param compared      mirrored requests compared
     * @param mismatched    of those, mismatches not explained by noise
     * @param parityPercent the share that agreed, or null before the first comparison
     */
    record ParitySummary(long compared, long mismatched, Double parityPercent) {
    }
}
