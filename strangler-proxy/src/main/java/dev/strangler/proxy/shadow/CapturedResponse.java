package dev.strangler.proxy.shadow;

import dev.strangler.diff.ComparedResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * A response kept for comparison.
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body's bytes (empty when there was none)
 */
record CapturedResponse(int status, HttpHeaders headers, byte[] body) {

    /** The same answer in the shape of the shared diff rules, which know no web framework. */
    ComparedResponse compared() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach(copy::put);
        return new ComparedResponse(status, copy, body);
    }
}
