package dev.strangler.proxy.shadow;

import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.route.RouteProperties;
import org.springframework.http.HttpHeaders;

/**
 * A served request waiting to be mirrored: what to send, and the monolith's answer to compare with.
 *
 * @param route        the route in SHADOW mode
 * @param requestId    the request's X-Request-Id, to find it in the logs of every side
 * @param method       the HTTP method
 * @param pathAndQuery the raw path and query, as received
 * @param headers      the request headers as the gateway forwards them (hop-by-hop ones removed)
 * @param body         the request body (empty when none)
 * @param legacy       the monolith's answer as the client got it
 * @param view         what the request names, when it was answered (null when the route names nothing)
 */
record MirrorJob(RouteProperties route, String requestId, String method, String pathAndQuery, HttpHeaders headers,
                 byte[] body, CapturedResponse legacy, ReadYourWrites.EntityView view) {
}
