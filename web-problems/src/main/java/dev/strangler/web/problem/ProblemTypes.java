package dev.strangler.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} URIs of problem responses (RFC 9457), for the monolith and the services that take its
 * routes over. Clients and the kit's response comparison key on these, so they never change once published and an
 * extracted service answers with exactly the monolith's; the titles are for humans.
 */
public final class ProblemTypes {

    private static final String BASE = "https://strangler.dev/problems/";

    public static final URI NOT_FOUND = of("not-found");
    public static final URI INVALID_REQUEST = of("invalid-request");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI INSUFFICIENT_STOCK = of("insufficient-stock");
    public static final URI LOGIN_ID_TAKEN = of("login-id-taken");
    public static final URI MEMBER_HAS_OPEN_ORDERS = of("member-has-open-orders");
    public static final URI ORDER_NOT_CANCELLABLE = of("order-not-cancellable");
    public static final URI INTERNAL_ERROR = of("internal-error");
    /** The services' own: writes refused while the legacy monolith is the source of truth. */
    public static final URI LEGACY_OWNS_WRITES = of("legacy-owns-writes");
    /** The services' own: an admin API without a valid bearer token. */
    public static final URI UNAUTHORIZED = of("unauthorized");
    /** The control APIs' own: a valid token whose role does not allow the call (a viewer's write). */
    public static final URI FORBIDDEN = of("forbidden");
    /** The order service's own: the monolith's stock API is unreachable or its circuit is open; nothing was written. */
    public static final URI STOCK_UNAVAILABLE = of("stock-unavailable");
    /** The services' own: a bulk backfill that cannot start now (none configured, one running, no binlog). */
    public static final URI BULK_BACKFILL_REFUSED = of("bulk-backfill-refused");
    /** The services' own: the legacy database did not open a bulk backfill's snapshot. */
    public static final URI LEGACY_DATABASE_UNAVAILABLE = of("legacy-database-unavailable");

    private ProblemTypes() {
    }

    /** For the framework's own errors (401, 405, 415, ...), which arrive without a type. */
    static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
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
