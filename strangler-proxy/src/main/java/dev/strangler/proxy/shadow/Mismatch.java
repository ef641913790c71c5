package dev.strangler.proxy.shadow;

import java.time.Instant;
import java.util.List;

/**
 * One mirrored request whose answers differed, kept with both bodies (cut to a size) for a person to look at.
 *
 * @param at              when the comparison finished
 * @param requestId       the request's X-Request-Id
 * @param method          the HTTP method
 * @param path            the path and query
 * @param differences     what differed: {@code status}, {@code header:Name}, {@code body} or JSON paths
 * @param legacyStatus    the monolith's status
 * @param extractedStatus the extracted service's status
 * @param legacyBody      the monolith's body, cut to the configured length
 * @param extractedBody   the extracted service's body, cut to the configured length
 */
public record Mismatch(Instant at, String requestId, String method, String path, List<String> differences,
                       int legacyStatus, int extractedStatus, String legacyBody, String extractedBody) {
}
