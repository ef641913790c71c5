package dev.strangler.proxy.route;

import dev.strangler.diff.DiffRules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One row of the migration route table.
 *
 * @param name         stable name, used in the admin API, the toggle log and statistics
 * @param paths        Spring path patterns the route serves (any of them), e.g. {@code /api/orders/**}
 * @param methods      HTTP methods the route serves; empty means every method
 * @param headers      request headers the route requires, name to a regular expression the value must match (an
 *                     empty expression: present with any value), e.g. a tenant or an API version; matched with
 *                     paths and methods, in the same first-match order
 * @param legacyUri    the monolith: one base URL, a comma-separated list of instance URLs, or
 *                     {@code lb://SERVICE-ID} (instances from discovery), see {@link SideTarget}
 * @param extractedUri the extracted service, written the same way; absent for a route that stays on the monolith
 * @param mode         the mode until the first flip; afterwards the toggle log is the source of truth
 * @param canary       CANARY settings: initial percentage and the sticky keys
 * @param resilience   timeout, circuit breaker and fallback policy of the extracted side
 * @param shadow       SHADOW settings: which methods are mirrored, what share of requests, how often noise is
 *                     sampled
 * @param diff         how legacy and extracted answers are compared
 * @param consistency  read-your-writes: the entities a request names, so a request that depends on a write
 *                     another side took waits for the change feed (or is served by that side)
 */
public record RouteProperties(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "must be lower-case letters, digits, '.', '_' or '-'") String name,
        @NotEmpty List<@NotBlank String> paths,
        @DefaultValue List<@Pattern(regexp = "[A-Z]+") String> methods,
        @DefaultValue Map<@NotBlank String, @NotNull String> headers,
        @NotNull SideTarget legacyUri,
        SideTarget extractedUri,
        @DefaultValue("LEGACY") @NotNull Mode mode,
        @DefaultValue @Valid Canary canary,
        @DefaultValue @Valid Resilience resilience,
        @DefaultValue @Valid Shadow shadow,
        @DefaultValue @Valid Diff diff,
        @DefaultValue @Valid Consistency consistency) {

    /** A route without an extracted service can only be LEGACY. */
    @AssertTrue(message = "extracted-uri is required unless mode is LEGACY")
    public boolean isExtractedUriPresentWhenNeeded() {
        return mode == Mode.LEGACY || extractedUri != null;
    }

    public boolean extractable() {
        return extractedUri != null;
    }

    /**
     * @param percent    share of sticky keys sent to the extracted service, 0–100 (two decimals are honoured)
     * @param stickyKeys where the sticky key comes from, tried in order, the first present wins:
     *                   {@code header:X-Member-Id}, {@code cookie:SESSION}, {@code query:memberId},
     *                   {@code path:/api/members/{id}/**} (the first template variable) or {@code json:memberId}
     *                   (a top-level field or a JSON pointer such as {@code json:/member/id}); when none is present
     *                   the request path is the key
     */
    public record Canary(
            @DefaultValue("0") @DecimalMin("0") @DecimalMax("100") double percent,
            @DefaultValue List<@Pattern(regexp = "(header|cookie|query|json):.+|path:.*\\{[^}]+}.*",
                    message = "must be header:NAME, cookie:NAME, query:NAME, json:FIELD or path:PATTERN-WITH-{VAR}")
                    String> stickyKeys) {
    }

    /**
     * @param timeout              longest wait for the extracted side's response headers
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindow        number of recent calls the failure rate is computed over
     * @param minimumCalls         calls needed before the failure rate counts
     * @param waitInOpen           how long the circuit stays open before letting a few calls try again
     * @param fallback             what failures turn into
     */
    public record Resilience(
            @DefaultValue("2s") @NotNull Duration timeout,
            @DefaultValue("50") @Min(1) @Max(100) int failureRateThreshold,
            @DefaultValue("20") @Min(1) int slidingWindow,
            @DefaultValue("10") @Min(1) int minimumCalls,
            @DefaultValue("10s") @NotNull Duration waitInOpen,
            @DefaultValue("SAFE_METHODS_TO_LEGACY") @NotNull FallbackPolicy fallback) {
    }

    /**
     * @param methods            methods mirrored to the extracted service; only safe ones unless a route opts in,
     *                           because a mirrored write would change the extracted service's data
     * @param noiseSamplePercent share of mirrored requests (safe methods only) also sent to the monolith a second
     *                           time, so fields that differ between two monolith answers are learned as noise
     * @param samplePercent      share of the route's requests (of those methods) that are mirrored at all; the
     *                           rest are served alone and counted as skipped. Below 100 for a busy route: every
     *                           mirror is a second request to the service and costs the proxy 40–70 % of the
     *                           CPU of the proxied request itself (bench/RESULTS.md)
     */
    public record Shadow(
            @DefaultValue({"GET", "HEAD", "OPTIONS"}) List<@Pattern(regexp = "[A-Z]+") String> methods,
            @DefaultValue("10") @Min(0) @Max(100) int noiseSamplePercent,
            @DefaultValue("100") @Min(1) @Max(100) int samplePercent) {

        /** Whether this request is one of the mirrored sample. */
        public boolean sampled() {
            return samplePercent >= 100 || ThreadLocalRandom.current().nextInt(100) < samplePercent;
        }
    }

    /**
     * @param ignorePaths     JSON paths left out of the comparison: {@code $.createdAt}, {@code $.items[*].id},
     *                        {@code $..updatedAt} (any depth)
     * @param compareHeaders  response headers compared besides the status (Content-Type by media type only)
     * @param unorderedArrays JSON paths of arrays compared as multisets, e.g. {@code $.content}
     */
    public record Diff(
            @DefaultValue List<@NotBlank String> ignorePaths,
            @DefaultValue("Content-Type") List<@NotBlank String> compareHeaders,
            @DefaultValue List<@NotBlank String> unorderedArrays) {

        /** The same rules for the shared comparator, which {@code kit compare http} uses too. */
        public DiffRules rules() {
            return new DiffRules(ignorePaths, compareHeaders, unorderedArrays);
        }
    }

    /**
     * Which entities a request of this route names, for read-your-writes across the change feed. A write (an unsafe
     * method answered 2xx) makes each entity it names pending, on the backend that took it, until a barrier shows
     * every consumer applied it. A request that names a pending entity and would be served by another backend is
     * sent to the writing backend when it is a read that backend can serve, and otherwise waits for the barrier.
     *
     * @param keys    {@code entity=source}: a request source as for sticky keys ({@code path:}, {@code json:},
     *                {@code header:}, {@code query:}, {@code cookie:}), or an answer's ({@code location:PATTERN} for
     *                the Location header, {@code response-json:FIELD} for the body), e.g.
     *                {@code member=path:/api/members/{id}/**} or {@code order=location:/api/orders/{id}}
     * @param unkeyed entities a request depends on as a whole when it names none of them (a list or a search)
     */
    public record Consistency(
            @DefaultValue List<@Pattern(regexp = "[a-z0-9-]+=((header|cookie|query|json|response-json):.+"
                    + "|(path|location):.*\\{[^}]+}.*)", message = "must be ENTITY=SOURCE, e.g."
                    + " member=path:/api/members/{id}/** or order=location:/api/orders/{id}") String> keys,
            @DefaultValue List<@Pattern(regexp = "[a-z0-9-]+") String> unkeyed) {
    }
}
