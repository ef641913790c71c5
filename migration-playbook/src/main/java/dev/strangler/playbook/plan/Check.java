package dev.strangler.playbook.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A measured condition. Which fields matter depends on the type.
 *
 * @param type           what is measured
 * @param context        reconciliation: the context compared
 * @param maxDifferences reconciliation: differences allowed (usually 0)
 * @param maxLagMillis   cdc-lag: the largest table lag allowed, and how recent the last event must be while
 *                       changes flow
 * @param route          shadow-parity, error-rate, route-mode: the proxy route
 * @param minPercent     shadow-parity: the parity needed
 * @param minCompared    shadow-parity: the comparisons needed before parity counts
 * @param maxPercent     error-rate: the extracted side's failure share allowed
 * @param mode           route-mode: the mode expected; ownership: the ownership mode expected
 * @param service        ownership: the service
 * @param within         how long to keep measuring until the condition holds (for example {@code 60s}); default: once
 */
public record Check(Type type, String context, Long maxDifferences, Long maxLagMillis, String route,
                    Double minPercent, Long minCompared, Double maxPercent, String mode, String service,
                    String within) {

    public enum Type {
        @JsonProperty("reconciliation") RECONCILIATION,
        @JsonProperty("cdc-lag") CDC_LAG,
        @JsonProperty("shadow-parity") SHADOW_PARITY,
        @JsonProperty("error-rate") ERROR_RATE,
        @JsonProperty("route-mode") ROUTE_MODE,
        @JsonProperty("ownership") OWNERSHIP
    }
}
