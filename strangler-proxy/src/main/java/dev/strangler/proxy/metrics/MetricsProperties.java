package dev.strangler.proxy.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The proxy's own meters.
 *
 * @param requestTimers a latency histogram per route × side × outcome, timed on every request; off saves its cost
 *                      (measured in {@code bench/RESULTS.md}), the other meters cost nothing per request
 */
@ConfigurationProperties("strangler.proxy.metrics")
public record MetricsProperties(@DefaultValue("true") boolean requestTimers) {
}
