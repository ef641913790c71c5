package dev.strangler.orderservice.stock;

import dev.strangler.web.problem.NotFoundException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * The anti-corruption client of the monolith's stock-reservation API: its answers become this service's
 * outcomes (a reservation, {@link NotFoundException}, {@link InsufficientStockException}), and every other
 * failure a {@link StockUnavailableException}. Calls have timeouts and go through a circuit breaker, which only
 * counts failures of the monolith, not its refusals.
 */
class MonolithStockClient {

    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_BACKOFF = Duration.ofMillis(50);

    private final RestClient http;
    private final CircuitBreaker breaker;

    MonolithStockClient(RestClient http, CircuitBreaker breaker) {
        this.http = http;
        this.breaker = breaker;
    }

    ReservedStock reserve(UUID reservationId, long productId, int quantity) {
        JsonNode body = call(() -> http.post().uri("/api/products/{id}/stock-reservations", productId)
                .body(Map.of("reservationId", reservationId.toString(), "quantity", quantity))
                .exchange((request, response) -> {
                    JsonNode json = response.bodyTo(JsonNode.class);
                    HttpStatusCode status = response.getStatusCode();
                    if (status.value() == 404) {
                        throw new NotFoundException("Product", productId);
                    }
                    if (status.value() == 409 && json != null && json.path("type").asString("").endsWith("/insufficient-stock")) {
                        throw new InsufficientStockException(productId, quantity, json.path("available").asInt());
                    }
                    if (!status.is2xxSuccessful() || json == null) {
                        throw unavailable("answered " + status.value() + " to a reservation", null);
                    }
                    return json;
                }));
        if (!"RESERVED".equals(body.path("status").asString())) {
            // The id was used before and its units were given back: a reservation id is never reused.
            throw unavailable("reservation " + reservationId + " is " + body.path("status").asString(), null);
        }
        return new ReservedStock(reservationId, productId, quantity, body.get("unitPrice").decimalValue());
    }

    /**
     * Gives a reservation's units back; idempotent at the monolith. A 404 is an unknown product: nothing of it can
     * have been reserved, so there is nothing to give back (counting it as a failure kept the give-back retrying and
     * opened the circuit for every order).
     */
    void release(UUID reservationId, long productId) {
        call(() -> http.delete().uri("/api/products/{id}/stock-reservations/{reservation}", productId, reservationId)
                .exchange((request, response) -> response.getStatusCode().value() == 404 ? response.getStatusCode()
                        : expect2xx(response.getStatusCode(), "a release")));
    }

    /** Gives back units of an order placed in the monolith (no reservation to release); once per id. */
    void returnStock(UUID returnId, long productId, int quantity) {
        call(() -> http.post().uri("/api/products/{id}/stock-returns", productId)
                .body(Map.of("reservationId", returnId.toString(), "quantity", quantity))
                .exchange((request, response) -> expect2xx(response.getStatusCode(), "a return")));
    }

    private static Object expect2xx(HttpStatusCode status, String what) {
        if (!status.is2xxSuccessful()) {
            throw unavailable("answered " + status.value() + " to " + what, null);
        }
        return status;
    }

    /**
     * Every call is idempotent per id at the monolith, so one that failed (a deadlock there answers 500, a timeout
     * leaves the outcome unknown) is asked again, a few times, before the failure is the caller's.
     */
    private <T> T call(Supplier<T> call) {
        StockUnavailableException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return breaker.executeSupplier(call);
            } catch (CallNotPermittedException e) {
                throw unavailable("is failing; its circuit is open", e);
            } catch (RestClientException e) {
                failure = unavailable("did not answer: " + e.getMessage(), e);
            } catch (StockUnavailableException e) {
                failure = e;
            }
            if (attempt < ATTEMPTS) {
                pause(RETRY_BACKOFF.multipliedBy(attempt));
            }
        }
        throw failure;
    }

    private static void pause(Duration backOff) {
        try {
            Thread.sleep(backOff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("call was interrupted", e);
        }
    }

    private static StockUnavailableException unavailable(String what, Throwable cause) {
        return new StockUnavailableException("The monolith's stock API " + what, cause);
    }
}
