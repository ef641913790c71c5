package dev.strangler.playbook.compare.http;

import dev.strangler.diff.Redaction;
import java.util.List;
import java.util.Map;

/**
 * One line of a proxy recording: a request and the answer its client got.
 *
 * @param line            the line's number in the file, from 1
 * @param route           the proxy route that served it
 * @param servedBy        the side that answered ({@code legacy}, {@code extracted}); null if not recorded
 * @param method          the request's method
 * @param path            the request's path and query
 * @param requestHeaders  the request's headers, redacted ones holding {@link Redaction#PLACEHOLDER}
 * @param requestBody     the request's body
 * @param status          the answer's status
 * @param responseHeaders the answer's headers, redacted likewise
 * @param responseBody    the answer's body
 * @param redaction       the rules the proxy redacted by, applied to the candidate's answer too
 */
record RecordedExchange(int line, String route, String servedBy, String method, String path,
                        Map<String, List<String>> requestHeaders, Body requestBody, int status,
                        Map<String, List<String>> responseHeaders, Body responseBody, Redaction redaction) {

    /**
     * A body as recorded.
     *
     * @param bytes   its bytes; null when the recording left it out
     * @param omitted why it was left out (null when kept)
     */
    record Body(byte[] bytes, String omitted) {
    }

    String title() {
        return route + " / line " + line + (servedBy == null ? "" : " (answered by " + servedBy + ")");
    }

    String request() {
        return method + " " + path;
    }
}
