package dev.strangler.proxy.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The stable {@code type} URIs of the proxy's problem responses (RFC 9457), in the same namespace as the
 * monolith's. Scripts and the playbook key on these; the titles are for humans.
 */
public final class ProblemTypes {

    private static final String BASE = "https://strangler.dev/problems/";

    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI INVALID_REQUEST = of("invalid-request");
    public static final URI ROUTE_NOT_FOUND = of("route-not-found");
    public static final URI ROUTE_NOT_EXTRACTABLE = of("route-not-extractable");
    public static final URI UNAUTHORIZED = of("unauthorized");
    /** A valid admin token whose role does not allow the call (a viewer's flip). */
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI EXTRACTED_UNAVAILABLE = of("extracted-service-unavailable");
    public static final URI UPSTREAM_UNAVAILABLE = of("upstream-unavailable");
    public static final URI UPSTREAM_TIMEOUT = of("upstream-timeout");
    public static final URI TOGGLE_LOG_UNAVAILABLE = of("toggle-log-unavailable");
    public static final URI WRITES_HELD = of("writes-held");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    /** A problem with the given status, type and title. */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** For the framework's own errors, which arrive as {@code about:blank}. */
    public static URI forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 500 -> INTERNAL_ERROR;
            case 502, 503 -> UPSTREAM_UNAVAILABLE;
            case 504 -> UPSTREAM_TIMEOUT;
            default -> of(known == null ? "http-" + status.value()
                    : known.name().toLowerCase().replace('_', '-'));
        };
    }

    private static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
