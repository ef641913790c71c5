package dev.strangler.playbook.check;

import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The forward path runs and keeps up: the worst last-event lag among tables with an event within the limit is at
 * most {@code max-lag-millis}. A table quiet since an old burst (a seed) has nothing outstanding and does not count.
 *
 * @param maxLagMillis the largest lag allowed
 * @param within       how long to keep measuring until it holds (default: once)
 */
public record CdcLagCheck(Long maxLagMillis, String within) implements Check {

    @Override
    public String describe() {
        return "CDC lag at most " + maxLagMillis + " ms";
    }

    @Override
    public List<String> problems(Playbook playbook) {
        List<String> problems = new ArrayList<>();
        if (maxLagMillis == null) {
            problems.add("cdc-lag needs max-lag-millis");
        }
        problems.addAll(Durations.problems("within", within));
        return problems;
    }

    @Override
    public Duration timeLimit() {
        return Durations.parse(within, Duration.ZERO);
    }

    @Override
    public Measurement begin(Probes probes) {
        return () -> {
            JsonNode status = probes.cdcStatus();
            Map<String, Object> figures = new LinkedHashMap<>();
            for (JsonNode table : status.path("tables")) {
                figures.put(table.path("table").asString() + " lag ms", table.path("lagMillis").asLong());
            }
            long worst = worstRecentLag(status, maxLagMillis);
            long quiet = status.path("lastEventAgeMillis").asLong();
            figures.put("last event age ms", quiet);
            boolean running = status.path("running").asBoolean() && !status.path("paused").asBoolean();
            boolean caughtUp = worst <= maxLagMillis;
            return Evidence.of(describe(), running && caughtUp, figures,
                    !running ? "the forward path is not running"
                            : caughtUp ? "caught up (worst lag of a recently active table " + worst + " ms)"
                            : "worst lag of a recently active table " + worst + " ms, last event " + quiet + " ms ago");
        };
    }

    /**
     * The worst lag among tables active within the limit. A table's lag is that of its last event: a table quiet
     * for longer than the limit has nothing read and outstanding, so its old figure does not hold the others back.
     */
    static long worstRecentLag(JsonNode status, long limitMillis) {
        long worst = 0;
        for (JsonNode table : status.path("tables")) {
            long age = table.path("lastEventAgeMillis").asLong(-1);
            if (age >= 0 && age < limitMillis) {
                worst = Math.max(worst, table.path("lagMillis").asLong());
            }
        }
        return worst;
    }
}
