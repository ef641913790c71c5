package dev.strangler.playbook.check;

import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * SHADOW parity of a route over a window that starts when the check begins: at least {@code min-compared} mirrored
 * answers compared, at least {@code min-percent} of them equal but for learned noise, for at least {@code bake}.
 *
 * @param route       the proxy route
 * @param minPercent  the parity needed
 * @param minCompared the compared answers needed before parity counts (default 20)
 * @param bake        how long parity must hold (default 0s)
 * @param within      how long to wait for the sample (default 2m)
 */
public record ShadowParityCheck(String route, Double minPercent, Long minCompared, String bake, String within)
        implements Check {

    @Override
    public String describe() {
        return "shadow parity of " + route + " at least " + minPercent + " % over at least " + needed()
                + " comparisons" + (bake == null ? "" : ", baked " + bake);
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return TrafficWindow.problems("shadow-parity", route, minPercent, "min-percent", minCompared,
                "min-compared", bake, within);
    }

    @Override
    public Duration timeLimit() {
        return Durations.parse(within, TrafficWindow.DEFAULT_WITHIN);
    }

    @Override
    public Measurement begin(Probes probes) {
        JsonNode start = probes.parity(route);
        Instant since = Instant.now();
        TrafficWindow window = new TrafficWindow(Durations.parse(bake, Duration.ZERO));
        return () -> {
            JsonNode now = probes.parity(route);
            long compared = now.path("compared").asLong() - start.path("compared").asLong();
            // Noise learned meanwhile can turn earlier mismatches into matches: never below zero.
            long mismatched = Math.max(0, now.path("mismatched").asLong() - start.path("mismatched").asLong());
            double percent = compared == 0 ? 0 : 100.0 * (compared - mismatched) / compared;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("compared", compared);
            figures.put("mismatched", mismatched);
            figures.put("parity %", Math.round(percent * 100) / 100.0);
            figures.put("noise fields", now.path("noise").size());
            figures.put("mismatch groups", now.path("mismatchGroups").size());
            if (mismatched > 0) {
                figures.put("differences seen", differencesSince(now, since));
            }
            return window.judge(describe(), compared, needed(), "compared answers", percent >= minPercent,
                    String.format("parity %.2f %% over %d compared answers", percent, compared), figures);
        };
    }

    /**
     * What differed in the window, so a failed check says why without a second look at the proxy: per mismatch group
     * seen since the check began, its fields, count and one example with both statuses (at most three groups).
     */
    private static String differencesSince(JsonNode parity, Instant since) {
        List<String> groups = new ArrayList<>();
        for (JsonNode group : parity.path("mismatchGroups")) {
            if (groups.size() == 3) {
                break;
            }
            if (seenBefore(group.path("lastSeen"), since)) {
                continue;
            }
            JsonNode example = group.path("examples").path(0);
            groups.add(group.path("fields") + " ×" + group.path("count").asLong()
                    + (example.isMissingNode() ? "" : ", e.g. " + example.path("method").asString() + " "
                    + example.path("path").asString() + ": legacy " + example.path("legacyStatus").asInt()
                    + " vs extracted " + example.path("extractedStatus").asInt()));
        }
        return groups.isEmpty() ? "(none kept since the check began)" : String.join("; ", groups);
    }

    private static boolean seenBefore(JsonNode lastSeen, Instant since) {
        try {
            return lastSeen.isString() && Instant.parse(lastSeen.asString()).isBefore(since);
        } catch (DateTimeParseException unreadable) {
            return false; // shown rather than hidden
        }
    }

    private long needed() {
        return minCompared == null ? 20 : minCompared;
    }
}
