package dev.strangler.proxy.toggle;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Where route toggles are kept: a compacted Kafka topic keyed by route name, read from the beginning by every
 * proxy instance at start-up and followed afterwards (the brokers come from {@code spring.kafka.bootstrap-servers}).
 *
 * @param topic           the compacted topic; created with one partition if missing, so all flips are ordered
 * @param historyPerRoute flips kept in each route's record for the audit history
 * @param startupTimeout  how long start-up waits to read the whole log; the proxy refuses to serve on a state
 *                        it has not read, so it fails start-up instead
 * @param writeTimeout    how long a flip waits for Kafka to acknowledge it and this instance to apply it; then it is
 *                        answered "refused" and never applies later
 * @param clockSkew       how far this instance's clock may be from the brokers': a flip's deadline (the broker's
 *                        append time by which it must be in the log) is the write timeout less this, so a "refused"
 *                        answer stays true even with clocks this far apart
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
        @DefaultValue("1s") @NotNull Duration clockSkew,
        @DefaultValue("") String instance,
        @DefaultValue("30s") @NotNull Duration holdLease) {

    public ToggleLogProperties {
        // Once: the runtime's name looks the host name up, and every record read asks whether it was written here.
        instance = StringUtils.hasText(instance) ? instance : ManagementFactory.getRuntimeMXBean().getName();
        if (writeTimeout != null && clockSkew != null && clockSkew.compareTo(writeTimeout) >= 0) {
            throw new IllegalArgumentException("strangler.proxy.toggles.clock-skew (" + clockSkew
                    + ") must be shorter than write-timeout (" + writeTimeout + ")");
        }
    }

    /** This instance's name in the audit history: {@code instance}, or host name and process id. */
    public String instanceName() {
        return instance;
    }
}
