package dev.strangler.scenario;

import java.util.List;

/** The outcome of one scenario: one result per step, in order. */
public record ScenarioResult(Scenario scenario, List<StepResult> steps) {

    public ScenarioResult {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().allMatch(StepResult::passed);
    }
}
