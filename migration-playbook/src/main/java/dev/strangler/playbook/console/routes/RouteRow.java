package dev.strangler.playbook.console.routes;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One route as the console lists it: the proxy's view of it, with its error rates per side from the proxy's
 * meters.
 *
 * @param name          the route
 * @param paths         its paths
 * @param methods       its methods; empty means all
 * @param extractable   whether it has an extracted side
 * @param mode          LEGACY, SHADOW, CANARY or EXTRACTED
 * @param percent       the canary percentage
 * @param version       flips so far
 * @param circuit       the extracted side's circuit state, or null
 * @param legacy        requests first sent to the monolith (this proxy instance)
 * @param extracted     requests first sent to the extracted service
 * @param fallbacks     safe requests the monolith answered after the extracted side failed
 * @param legacyErrors  the monolith's 5xx share, e.g. "0.00 %", or "–" with no request
 * @param extractedErrors the extracted side's 5xx share, or "–"
 * @param parity        the shadow parity, e.g. "99.5 % of 200", or "–" before any comparison
 * @param mismatched    mismatches not explained by noise
 * @param lastFlip      the latest flip in words, or null
 * @param writesHeld    whether its writes are held for a cut-over now
 */
public record RouteRow(String name, List<String> paths, List<String> methods, boolean extractable, String mode,
                       double percent, long version, String circuit, long legacy, long extracted, long fallbacks,
                       String legacyErrors, String extractedErrors, String parity, long mismatched, String lastFlip,
                       boolean writesHeld) {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    static RouteRow of(JsonNode view, ProxyFigures figures) {
        String name = view.path("name").asString();
        JsonNode traffic = view.path("traffic");
        JsonNode parity = view.path("parity");
        JsonNode last = view.path("lastFlip");
        return new RouteRow(name, texts(view.path("paths")), texts(view.path("methods")),
                !view.path("extractedUri").isNull() && !view.path("extractedUri").isMissingNode(),
                view.path("mode").asString(), view.path("percent").asDouble(), view.path("version").asLong(),
                view.path("circuit").isNull() ? null : view.path("circuit").asString(null),
                traffic.path("legacy").asLong(), traffic.path("extracted").asLong(), traffic.path("fallbacks").asLong(),
                figures.errorRate(name, "legacy"), figures.errorRate(name, "extracted"),
                parity.path("parityPercent").isNumber()
                        ? String.format(Locale.ROOT, "%.1f %% of %d", parity.path("parityPercent").asDouble(),
                        parity.path("compared").asLong()) : "–",
                parity.path("mismatched").asLong(),
                last.isObject() ? last.path("by").asString() + ": " + last.path("fromMode").asString() + " → "
                        + last.path("toMode").asString() + " (" + last.path("reason").asString() + ")" : null,
                view.path("writesHeld").isObject());
    }

    /** Whether the route takes writes: the console then asks for a confirmation naming what a flip does to them. */
    public boolean servesWrites() {
        return methods.isEmpty() || methods.stream().anyMatch(method -> !SAFE.contains(method));
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
