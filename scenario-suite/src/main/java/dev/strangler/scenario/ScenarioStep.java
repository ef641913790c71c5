package dev.strangler.scenario;

/**
 * One request and what its response must look like.
 *
 * @param name    what the step does, shown in the report
 * @param request the request to send
 * @param expect  the response it must get
 */
public record ScenarioStep(String name, ScenarioRequest request, ScenarioExpectation expect) {

    public ScenarioStep {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every step needs a name");
        }
        if (request == null || expect == null) {
            throw new IllegalArgumentException("step '" + name + "' needs both 'request' and 'expect'");
        }
    }
}
