package dev.strangler.playbook.console.diff;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A route's shadow comparison in one line.
 *
 * @param route       the route
 * @param compared    requests whose two answers were compared
 * @param mismatched  of those, mismatches not explained by noise
 * @param parity      the parity, e.g. "99.5 %", or "–" before any comparison
 * @param groups      kinds of mismatch
 * @param noiseFields fields learned as noise
 */
public record ParityRow(String route, long compared, long mismatched, String parity, int groups, int noiseFields) {

    static ParityRow of(JsonNode report) {
        return new ParityRow(report.path("route").asString(), report.path("compared").asLong(),
                report.path("mismatched").asLong(), report.path("parityPercent").isNumber()
                ? String.format(Locale.ROOT, "%.1f %%", report.path("parityPercent").asDouble()) : "–",
                report.path("mismatchGroups").size(), report.path("noise").size());
    }
}
