package dev.strangler.memberservice.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} URIs of problem responses (RFC 9457). The ones the monolith publishes are copied exactly:
 * clients and the proxy's response comparison key on them, so the service must answer with the same types.
 */
public final class ProblemTypes {

    private static final String BASE = "https://strangler.dev/problems/";

    public static final URI NOT_FOUND = of("not-found");
    public static final URI INVALID_REQUEST = of("invalid-request");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI LOGIN_ID_TAKEN = of("login-id-taken");
    public static final URI MEMBER_HAS_OPEN_ORDERS = of("member-has-open-orders");
    public static final URI INTERNAL_ERROR = of("internal-error");
    /** The service's own: writes refused while the legacy monolith is the source of truth. */
    public static final URI LEGACY_OWNS_WRITES = of("legacy-owns-writes");
    /** The service's own: the admin API without a valid bearer token. */
    public static final URI UNAUTHORIZED = of("unauthorized");

    private ProblemTypes() {
    }

    /** For the framework's own errors (405, 415, ...), which arrive without a type. Same mapping as the monolith. */
    static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> of("method-not-allowed");
            case 406 -> of("not-acceptable");
            case 415 -> of("unsupported-media-type");
            case 500 -> INTERNAL_ERROR;
            default -> of("http-" + status.value());
        };
    }

    private static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}
