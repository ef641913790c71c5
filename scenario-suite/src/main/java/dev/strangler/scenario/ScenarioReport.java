package dev.strangler.scenario;

import java.net.URI;
import java.util.List;

/** The outcome of a suite run against one base URL, with a readable rendering of what failed. */
public record ScenarioReport(URI baseUrl, List<ScenarioResult> scenarios) {

    public ScenarioReport {
        scenarios = List.copyOf(scenarios);
    }

    public boolean passed() {
        return scenarios.stream().allMatch(ScenarioResult::passed);
    }

    public List<ScenarioResult> failures() {
        return scenarios.stream().filter(result -> !result.passed()).toList();
    }

    public long count(StepResult.Outcome outcome) {
        return scenarios.stream().flatMap(result -> result.steps().stream())
                .filter(step -> step.outcome() == outcome).count();
    }

    public String summary() {
        return String.format("%d scenarios against %s: %d steps passed, %d failed, %d skipped", scenarios.size(),
                baseUrl, count(StepResult.Outcome.PASSED), count(StepResult.Outcome.FAILED),
                count(StepResult.Outcome.SKIPPED));
    }

    /** The summary, then each failed scenario with its steps and, for the failed step, every difference. */
    public String render() {
        StringBuilder text = new StringBuilder(summary()).append('\n');
        for (ScenarioResult result : failures()) {
            text.append("FAILED scenario '").append(result.scenario().name()).append("'\n");
            int number = 0;
            for (StepResult step : result.steps()) {
                number++;
                text.append(String.format("  %-7s %2d. %s  %s %s%n", step.outcome(), number, step.step().name(),
                        step.step().request().method(),
                        step.sentPath() == null ? step.step().request().path() : step.sentPath()));
                step.mismatches().forEach(mismatch -> text.append("            ").append(mismatch).append('\n'));
                if (step.outcome() == StepResult.Outcome.FAILED && step.responseBody() != null) {
                    text.append("            response body: ").append(Abbreviation.of(step.responseBody()))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }
}
