package dev.strangler.proxy.shadow;

import org.springframework.http.HttpHeaders;

/**
 * A response kept for comparison.
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body's bytes (empty when there was none)
 */
record CapturedResponse(int status, HttpHeaders headers, byte[] body) {
}
