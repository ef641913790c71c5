package dev.strangler.scenario;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What the response of a step must look like.
 *
 * @param status  the exact status code
 * @param headers header values the response must contain (substring match after placeholders are resolved),
 *                for example {@code "Content-Type": "application/problem+json"}
 * @param body    a structural subset of the JSON body; see {@link JsonMatcher} for the matchers; absent means
 *                the body is not checked
 */
public record ScenarioExpectation(int status, Map<String, String> headers, JsonNode body) {

    public ScenarioExpectation {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("expected status " + status + " is not an HTTP status");
        }
        headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
    }
}
