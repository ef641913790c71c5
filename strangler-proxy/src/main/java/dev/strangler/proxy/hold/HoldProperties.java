package dev.strangler.proxy.hold;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Writes held for a write cut-over (the hold itself is a flip, kept in the toggle log).
 *
 * @param maxWait      the longest one request waits while its route's writes are held; beyond it the request gets
 *                     a 503 {@code writes-held} problem with Retry-After (nothing was sent anywhere)
 * @param drainTimeout how long a flip that holds writes waits for the route's writes already in flight to finish
 */
@Validated
@ConfigurationProperties("strangler.proxy.hold")
public record HoldProperties(@DefaultValue("5s") @NotNull Duration maxWait,
                             @DefaultValue("5s") @NotNull Duration drainTimeout) {
}
