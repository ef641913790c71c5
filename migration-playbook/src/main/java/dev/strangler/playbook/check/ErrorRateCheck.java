package dev.strangler.playbook.check;

import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The extracted side's error rate of a route over a window that starts when the check begins: at least
 * {@code min-requests} extracted requests, at most {@code max-percent} of them failed (an error, a timeout, a 5xx or
 * an open circuit), for at least {@code bake}.
 *
 * @param route       the proxy route
 * @param maxPercent  the failure share allowed
 * @param minRequests the extracted requests needed before the rate counts (default 20)
 * @param bake        how long the rate must hold (default 0s)
 * @param within      how long to wait for the sample (default 2m)
 */
public record ErrorRateCheck(String route, Double maxPercent, Long minRequests, String bake, String within)
        implements Check {

    @Override
    public String describe() {
        return "extracted error rate of " + route + " at most " + maxPercent + " % over at least " + needed()
                + " requests" + (bake == null ? "" : ", baked " + bake);
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return TrafficWindow.problems("error-rate", route, maxPercent, "max-percent", minRequests, "min-requests",
                bake, within);
    }

    @Override
    public Duration timeLimit() {
        return Durations.parse(within, TrafficWindow.DEFAULT_WITHIN);
    }

    @Override
    public Measurement begin(Probes probes) {
        JsonNode start = probes.route(route).path("traffic");
        TrafficWindow window = new TrafficWindow(Durations.parse(bake, Duration.ZERO));
        return () -> {
            JsonNode now = probes.route(route).path("traffic");
            long requests = now.path("extracted").asLong() - start.path("extracted").asLong();
            long failures = now.path("extractedFailures").asLong() - start.path("extractedFailures").asLong();
            double percent = requests == 0 ? 0 : 100.0 * failures / requests;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("extracted requests", requests);
            figures.put("failures", failures);
            figures.put("error %", Math.round(percent * 100) / 100.0);
            return window.judge(describe(), requests, needed(), "extracted requests", percent <= maxPercent,
                    String.format("error rate %.2f %% over %d extracted requests", percent, requests), figures);
        };
    }

    private long needed() {
        return minRequests == null ? 20 : minRequests;
    }
}
