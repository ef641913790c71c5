package dev.strangler.proxy.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import dev.strangler.proxy.instances.InstancePools;
import dev.strangler.proxy.route.FallbackPolicy;
import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.web.SafeMethods;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Sends a request decided for the extracted side there, under the route's timeout and circuit breaker. It runs
 * right after the gateway resolved the request URL and its chain ends when the response headers are in, before
 * anything is written to the client: that is the moment a safe request can still fall back to the monolith.
 * Unsafe requests never go out a second time; they get a 503 problem, or the service's own 5xx answer. A side of
 * several instances goes through {@link InstancePools}, which may try another instance first; a side of one URL
 * costs what it always did (the monolith's: nothing here).
 */
@Component
class SideRoutingFilter implements GlobalFilter, Ordered {

    static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;

    private final ExtractedBreakers breakers;
    private final RouteStatistics statistics;
    private final InstancePools instances;

    SideRoutingFilter(ExtractedBreakers breakers, RouteStatistics statistics, InstancePools instances) {
        this.breakers = breakers;
        this.statistics = statistics;
        this.instances = instances;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        RoutingDecision decision = exchange.getAttribute(RoutingDecision.ATTRIBUTE);
        if (decision == null) {
            return chain.filter(exchange);
        }
        RouteProperties route = decision.route();
        if (decision.side() != Side.EXTRACTED) {
            return route.legacyUri().pooled()
                    ? toLegacy(route, exchange, chain, exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR))
                    : chain.filter(exchange);
        }
        URI legacyUrl = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        return instances.send(route.extractedUri(), exchange, chain, legacyUrl)
                .then(Mono.defer(() -> failOnServerError(exchange)))
                .timeout(route.resilience().timeout())
                .transformDeferred(CircuitBreakerOperator.of(breakers.forRoute(route)))
                .onErrorResume(error -> fallback(exchange, chain, route, legacyUrl, error));
    }

    private static Mono<Void> failOnServerError(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status != null && status.is5xxServerError() ? Mono.error(new ExtractedServerError(status.value()))
                : Mono.empty();
    }

    private Mono<Void> fallback(ServerWebExchange exchange, GatewayFilterChain chain, RouteProperties route,
            URI legacyUrl, Throwable error) {
        RouteStatistics.Counters counters = statistics.of(route.name());
        counters.extractedFailures.increment();
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        boolean safe = SafeMethods.isSafe(exchange.getRequest().getMethod());
        if (safe && route.resilience().fallback() == FallbackPolicy.SAFE_METHODS_TO_LEGACY) {
            discardExtractedResponse(exchange);
            exchange.getAttributes().put(RoutingDecision.SERVED_BY_ATTRIBUTE, Side.LEGACY);
            counters.fallbacks.increment();
            return toLegacy(route, exchange, chain, legacyUrl);
        }
        if (error instanceof ExtractedServerError) {
            return Mono.empty();
        }
        discardExtractedResponse(exchange);
        counters.rejected.increment();
        return Mono.error(new ExtractedUnavailableException(route.name(), error));
    }

    /** Drops what the extracted side sent (its connection, status and headers) so the monolith can answer. */
    private static void discardExtractedResponse(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
        }
        ServerWebExchangeUtils.reset(exchange);
        exchange.getAttributes().remove(CLIENT_RESPONSE_ATTR);
        exchange.getAttributes().remove(CLIENT_RESPONSE_CONN_ATTR);
        exchange.getResponse().setStatusCode(null);
    }

    /** The route's URL is the monolith's when it is one; several instances are chosen among. */
    private Mono<Void> toLegacy(RouteProperties route, ServerWebExchange exchange, GatewayFilterChain chain,
            URI legacyUrl) {
        if (route.legacyUri().pooled()) {
            return instances.send(route.legacyUri(), exchange, chain, legacyUrl);
        }
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, legacyUrl);
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
