package dev.strangler.scenario;

import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The request of a step. The path, header values and body may contain placeholders ({@code {{memberId}}},
 * {@code {{unique}}}), resolved from the values captured so far.
 *
 * @param method  HTTP method
 * @param path    relative to the base URL, for example {@code /api/members/{{memberId}}}
 * @param headers extra request headers
 * @param body    JSON body, sent as {@code application/json}
 * @param rawBody sent verbatim as {@code application/json} instead of {@code body}: for malformed JSON
 */
public record ScenarioRequest(String method, String path, Map<String, String> headers, JsonNode body,
                              String rawBody) {

    public ScenarioRequest {
        if (method == null || method.isBlank() || path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a request needs a method and a path starting with '/'");
        }
        if (body != null && rawBody != null) {
            throw new IllegalArgumentException("a request has either 'body' or 'rawBody', not both");
        }
        method = method.toUpperCase(java.util.Locale.ROOT);
        headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
    }

    boolean hasBody() {
        return body != null || rawBody != null;
    }
}
