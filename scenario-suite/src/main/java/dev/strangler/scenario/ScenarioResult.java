package dev.strangler.scenario;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of one scenario: one result per step, in order.
 *
 * @param scenario the scenario
 * @param steps    one result per step
 * @param captured what the run captured, and its unique token under {@link Captures#UNIQUE}: the values that
 *                 differ from one run to the next by design
 */
public record ScenarioResult(Scenario scenario, List<StepResult> steps, Map<String, JsonNode> captured) {

    public ScenarioResult {
        steps = List.copyOf(steps);
        captured = Map.copyOf(captured);
    }

    public boolean passed() {
        return steps.stream().allMatch(StepResult::passed);
    }
}
