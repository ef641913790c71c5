package dev.strangler.scenario;

import java.util.List;
import java.util.Objects;

/**
 * One behaviour of the system under test, written down as data: a named sequence of HTTP steps that creates
 * everything it needs, so it can run against any deployment and any amount of existing data.
 *
 * @param name        what the scenario shows, unique within a suite
 * @param description optional longer explanation
 * @param steps       run in order; values captured by one step are visible to the later ones
 */
public record Scenario(String name, String description, List<ScenarioStep> steps) {

    public Scenario {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a scenario needs a name");
        }
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("scenario '" + name + "' has no steps");
        }
        description = Objects.requireNonNullElse(description, "");
        steps = List.copyOf(steps);
    }
}
