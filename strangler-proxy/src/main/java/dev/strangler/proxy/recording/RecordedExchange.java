package dev.strangler.proxy.recording;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request and the answer its client got, as taken from the exchange: not yet redacted (that, and turning it
 * into a line, happens on the writer's thread, off the event loop).
 *
 * @param route           the route that served it
 * @param at              when the answer was complete
 * @param servedBy        the side that answered ({@code legacy}, {@code extracted}); null if none was chosen
 * @param method          the request's method
 * @param path            the request's raw path and query
 * @param requestHeaders  the request's headers as the proxy received them
 * @param requestBody     the request's body (empty when none); null when it was larger than {@code max-body}
 * @param status          the answer's status
 * @param responseHeaders the answer's headers
 * @param responseBody    the answer's body (empty when none); null when it was larger than {@code max-body}
 */
record RecordedExchange(String route, Instant at, String servedBy, String method, String path,
                        Map<String, List<String>> requestHeaders, byte[] requestBody, int status,
                        Map<String, List<String>> responseHeaders, byte[] responseBody) {
}
