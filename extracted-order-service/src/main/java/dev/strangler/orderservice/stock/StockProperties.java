package dev.strangler.orderservice.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The monolith's stock API, and how the service protects itself from it.
 *
 * @param legacyUrl      base URL of the monolith ({@code LEGACY_URL})
 * @param connectTimeout how long to wait for a connection ({@code ORDER_STOCK_CONNECT_TIMEOUT}, 1s)
 * @param readTimeout    how long to wait for an answer ({@code ORDER_STOCK_READ_TIMEOUT}, 3s)
 * @param circuitBreaker when to stop calling a failing monolith for a while
 * @param recovery       the job that gives back stock no committed order accounts for
 */
@Validated
@ConfigurationProperties("kit.order.stock")
public record StockProperties(
        @NotNull URI legacyUrl,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull @Valid CircuitBreaker circuitBreaker,
        @NotNull @Valid Recovery recovery) {

    /**
     * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
     * @param slidingWindowSize    number of recent calls the rate is computed over
     * @param minimumCalls         calls needed before the rate counts
     * @param openFor              how long an open circuit refuses calls before trying again
     */
    public record CircuitBreaker(@Min(1) @Max(100) int failureRateThreshold, @Min(1) int slidingWindowSize,
                                 @Min(1) int minimumCalls, @NotNull Duration openFor) {
    }

    /**
     * @param staleAfter held stock older than this with no committed order is given back
     * @param interval   how often the job looks
     */
    public record Recovery(@NotNull Duration staleAfter, @NotNull Duration interval) {
    }
}
