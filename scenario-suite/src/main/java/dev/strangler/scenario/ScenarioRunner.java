package dev.strangler.scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a suite against one base URL. Scenarios run one after the other, steps in order; after a failed step the
 * rest of its scenario is skipped, because later steps depend on what the failed one should have created.
 */
public final class ScenarioRunner {

    private final URI baseUrl;
    private final StepExecutor executor;
    private final SecureRandom random = new SecureRandom();

    public ScenarioRunner(URI baseUrl) {
        // HTTP/1.1: no h2c upgrade attempt through proxies and gateways.
        this(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), Duration.ofSeconds(30));
    }

    public ScenarioRunner(URI baseUrl, HttpClient client, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.executor = new StepExecutor(baseUrl, client, requestTimeout);
    }

    public ScenarioReport run(ScenarioSuite suite) {
        // Base 36 of the clock plus randomness: short, lower-case, and new on every run against the same database.
        String runToken = Long.toString(System.currentTimeMillis(), 36)
                + Integer.toString(36 * 36 + random.nextInt(36 * 36 * 35), 36);
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < suite.scenarios().size(); i++) {
            results.add(run(suite.scenarios().get(i), runToken + Integer.toString(i, 36)));
        }
        return new ScenarioReport(baseUrl, results);
    }

    private ScenarioResult run(Scenario scenario, String uniqueToken) {
        Captures captures = Captures.withUniqueToken(uniqueToken);
        List<StepResult> steps = new ArrayList<>();
        boolean failed = false;
        for (ScenarioStep step : scenario.steps()) {
            StepResult result = failed ? StepResult.skipped(step) : executor.execute(step, captures);
            failed |= !result.passed();
            steps.add(result);
        }
        return new ScenarioResult(scenario, steps, captures.values());
    }
}
