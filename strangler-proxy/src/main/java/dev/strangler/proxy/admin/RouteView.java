package dev.strangler.proxy.admin;

import dev.strangler.proxy.consistency.ConsistencyFigures;
import dev.strangler.proxy.hold.HoldFigures;
import dev.strangler.proxy.routing.RouteStatistics;
import dev.strangler.proxy.toggle.Flip;
import dev.strangler.proxy.toggle.WritesHold;
import java.util.List;

/**
 * A route as the admin API shows it: its configuration, its current toggle, and this instance's figures.
 *
 * @param name          the route's name
 * @param paths         the paths it serves
 * @param methods       the methods it serves (empty: all)
 * @param legacyUri     the monolith, as the route table writes it (a URL, a list of instances or lb://SERVICE-ID)
 * @param extractedUri  the extracted service, the same way, or null for a legacy-only route
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
record RouteView(String name, List<String> paths, List<String> methods, String legacyUri, String extractedUri,
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
