package dev.strangler.proxy.routing;

import dev.strangler.proxy.route.RouteProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.stereotype.Component;

/** One Resilience4j circuit breaker per route, on the extracted side only, configured from the route table. */
@Component
public class ExtractedBreakers {

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    CircuitBreaker forRoute(RouteProperties route) {
        return registry.circuitBreaker("extracted-" + route.name(), () -> config(route.resilience()));
    }

    /** All the breakers, for their meters. */
    public CircuitBreakerRegistry registry() {
        return registry;
    }

    /** The breaker's state for the admin API (CLOSED, OPEN, HALF_OPEN, ...). */
    public String state(RouteProperties route) {
        return forRoute(route).getState().name();
    }

    private static CircuitBreakerConfig config(RouteProperties.Resilience resilience) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(resilience.slidingWindow())
                .minimumNumberOfCalls(resilience.minimumCalls())
                .failureRateThreshold(resilience.failureRateThreshold())
                .waitDurationInOpenState(resilience.waitInOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }
}
