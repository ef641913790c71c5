package dev.strangler.proxy.metrics;

import dev.strangler.proxy.routing.RoutingDecision;
import dev.strangler.proxy.routing.Side;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@value #NAME}: every proxied request's time to its response headers, by route, by the side that answered
 * ({@code legacy}, {@code extracted}, or {@code fallback} when the monolith answered after the extracted side
 * failed) and by outcome ({@code 2xx} … {@code 5xx}, {@code cancelled}), as a Prometheus histogram. Timed when the
 * response commits, so error answers written by the problem handler count with their status.
 */
@Component
class RequestMetricsFilter implements GlobalFilter, Ordered {

    static final String NAME = "strangler.proxy.requests";
    private static final String[] OUTCOMES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final boolean enabled;
    /** Per route: timers by side and outcome, built once; a lookup in the registry per request costs more. */
    private final Map<String, Timer[][]> timers = new ConcurrentHashMap<>();

    RequestMetricsFilter(MeterRegistry registry, MetricsProperties properties) {
        this.registry = registry;
        this.enabled = properties.requestTimers();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        AtomicBoolean recorded = new AtomicBoolean();
        exchange.getResponse().beforeCommit(() -> {
            if (recorded.compareAndSet(false, true)) {
                HttpStatusCode status = exchange.getResponse().getStatusCode();
                record(exchange, status == null ? 2 : status.value() / 100, started);
            }
            return Mono.empty();
        });
        return chain.filter(exchange).doOnCancel(() -> {
            if (recorded.compareAndSet(false, true)) {
                record(exchange, -1, started);
            }
        });
    }

    private void record(ServerWebExchange exchange, int statusClass, long started) {
        RoutingDecision decision = exchange.getAttribute(RoutingDecision.ATTRIBUTE);
        if (decision == null) {
            return; // refused before it was routed (body too large, unknown path): the problem handler's share
        }
        Side servedBy = exchange.getAttribute(RoutingDecision.SERVED_BY_ATTRIBUTE);
        int side = decision.side() == Side.EXTRACTED && servedBy == Side.LEGACY ? 2 : servedBy == Side.EXTRACTED ? 1 : 0;
        int outcome = statusClass >= 1 && statusClass <= 5 ? statusClass - 1 : 5;
        Timer[][] route = timers.computeIfAbsent(decision.route().name(), name -> new Timer[3][6]);
        Timer timer = route[side][outcome];
        if (timer == null) {
            timer = register(decision.route().name(), side, outcome);
            route[side][outcome] = timer;
        }
        timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private Timer register(String route, int side, int outcome) {
        return Timer.builder(NAME)
                .description("proxied requests, time to response headers")
                .tag("route", route)
                .tag("side", side == 2 ? "fallback" : side == 1 ? "extracted" : "legacy")
                .tag("outcome", outcome == 5 ? "cancelled" : OUTCOMES[outcome])
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50; // around everything the proxy does, holds and waits included
    }
}
