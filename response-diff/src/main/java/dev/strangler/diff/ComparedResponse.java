package dev.strangler.diff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP answer as the comparator sees it.
 *
 * @param status  the HTTP status
 * @param headers the response headers; names are looked up ignoring case, as HTTP says
 * @param body    the body's bytes (empty when there was none)
 */
public record ComparedResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public ComparedResponse {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> firstHeader(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
