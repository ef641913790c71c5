package dev.strangler.proxy.toggle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where route toggles are kept: a compacted Kafka topic keyed by route name, read from the beginning by every
 * proxy instance at start-up and followed afterwards (the brokers come from {@code spring.kafka.bootstrap-servers}).
 *
 * @param topic           the compacted topic; created with one partition if missing, so all flips are ordered
 * @param historyPerRoute flips kept in each route's record for the audit history
 * @param startupTimeout  how long start-up waits to read the whole log; the proxy refuses to serve on a state
 *                        it has not read, so it fails start-up instead
 * @param writeTimeout    how long a flip waits for Kafka to acknowledge it and this instance to apply it
 * @param instance        this instance's name in the audit history; empty means host name and process id
 * @param holdLease       how long a hold of a route's writes lasts when no flip releases it (a cut-over takes a
 *                        second; a playbook that died half-way must not block writes for ever)
 */
@Validated
@ConfigurationProperties("strangler.proxy.toggles")
public record ToggleLogProperties(
        @DefaultValue("strangler.proxy.toggles") @NotBlank String topic,
        @DefaultValue("200") @Min(1) int historyPerRoute,
        @DefaultValue("30s") @NotNull Duration startupTimeout,
        @DefaultValue("5s") @NotNull Duration writeTimeout,
        @DefaultValue("") String instance,
        @DefaultValue("30s") @NotNull Duration holdLease) {
}
