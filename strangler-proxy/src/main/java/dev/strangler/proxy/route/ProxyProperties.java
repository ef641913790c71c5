package dev.strangler.proxy.route;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The proxy's route table and traffic-side settings.
 *
 * @param routes         the migration routes, matched in the order listed: the first whose paths and methods
 *                       match serves the request, so put the narrower route first
 * @param maxRequestBody largest request body accepted; larger ones get a 413 problem
 * @param servedByHeader response header naming the side that served ({@code legacy} or {@code extracted}); empty
 *                       (the default) leaves it out, so clients cannot tell
 * @param shadow         the mirror queue and the mismatch store shared by all SHADOW routes
 * @param instances      how the proxy balances a side of several instances (a list or {@code lb://SERVICE-ID})
 */
@Validated
@ConfigurationProperties("strangler.proxy")
public record ProxyProperties(
        @NotEmpty List<@Valid RouteProperties> routes,
        @DefaultValue("1MB") @NotNull DataSize maxRequestBody,
        @DefaultValue("") String servedByHeader,
        @DefaultValue @Valid ShadowSettings shadow,
        @DefaultValue @Valid InstanceSettings instances) {

    /**
     * @param queueCapacity    mirrored requests waiting to be sent; when full, new ones are dropped and counted
     * @param concurrency      mirrored requests in flight at once
     * @param maxBody          largest response body captured for comparison; larger answers are not compared
     * @param examplesPerGroup mismatches kept as examples per group of differing fields (the first ones seen)
     * @param mismatchBodyCap  characters of each body kept with a mismatch
     * @param signaturesKept   groups (distinct sets of differing fields) kept per route; beyond that, counted in
     *                         bulk against parity
     */
    public record ShadowSettings(
            @DefaultValue("1000") @Min(1) int queueCapacity,
            @DefaultValue("4") @Min(1) int concurrency,
            @DefaultValue("256KB") @NotNull DataSize maxBody,
            @DefaultValue("3") @Min(1) int examplesPerGroup,
            @DefaultValue("4096") @Min(64) int mismatchBodyCap,
            @DefaultValue("500") @Min(1) int signaturesKept) {
    }

    /**
     * @param refusedFor how long an instance that refused a connection is passed over; it is tried again sooner only
     *                   when every other instance was tried too (active health checks, where configured, take an
     *                   instance out on their own schedule)
     */
    public record InstanceSettings(@DefaultValue("10s") @NotNull Duration refusedFor) {
    }
}
