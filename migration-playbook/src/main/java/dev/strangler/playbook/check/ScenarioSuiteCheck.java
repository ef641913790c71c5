package dev.strangler.playbook.check;

import dev.strangler.playbook.plan.Playbook;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioResult;
import dev.strangler.scenario.StepResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monolith's scenario suite, run through the proxy against the live, partly migrated system, passes: every
 * step answers as the contract says. The strongest evidence a step can have that clients see no difference. A
 * failure is final (the contract was broken), so a verification with this check rolls its step back.
 *
 * @param scenarios the suite's directory, relative to the kit's home (default {@code legacy-monolith/scenarios})
 */
public record ScenarioSuiteCheck(String scenarios) implements Check {

    private static final int LISTED = 5;

    @Override
    public String describe() {
        return "scenario suite " + directory() + " through the proxy";
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return List.of();
    }

    @Override
    public Duration timeLimit() {
        return Duration.ZERO;
    }

    @Override
    public Measurement begin(Probes probes) {
        return () -> {
            ScenarioReport report = probes.scenarios(directory());
            List<String> failures = new ArrayList<>();
            long steps = 0;
            long failed = 0;
            for (ScenarioResult scenario : report.scenarios()) {
                for (StepResult step : scenario.steps()) {
                    steps++;
                    if (step.outcome() == StepResult.Outcome.FAILED) {
                        failed++;
                        if (failures.size() < LISTED) {
                            failures.add(scenario.scenario().name() + " / " + step.step().name() + ": "
                                    + step.mismatches());
                        }
                    }
                }
            }
            long skipped = report.count(StepResult.Outcome.SKIPPED);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("scenarios", report.scenarios().size());
            figures.put("steps", steps);
            figures.put("failed", failed);
            figures.put("skipped", skipped);
            if (!failures.isEmpty()) {
                figures.put("first failures", failures);
            }
            boolean passed = failed == 0 && skipped == 0 && steps > 0;
            return new Evidence(describe(), passed ? Evidence.Verdict.PASSED : Evidence.Verdict.FAILED, figures,
                    passed ? steps + " steps answered as the contract says"
                            : steps == 0 ? "no scenario step ran" : failed + " of " + steps + " steps failed");
        };
    }

    private Path directory() {
        return Path.of(scenarios == null ? "legacy-monolith/scenarios" : scenarios);
    }
}
