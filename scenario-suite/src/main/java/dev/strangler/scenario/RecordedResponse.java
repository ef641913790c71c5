package dev.strangler.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a step got back, kept whole so that two runs of a suite can be compared response by response.
 *
 * @param status  the HTTP status
 * @param headers the response headers as the client saw them; names are looked up ignoring case
 * @param body    the body as text (empty when there was none)
 */
public record RecordedResponse(int status, Map<String, List<String>> headers, String body) {

    public RecordedResponse {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }
}
