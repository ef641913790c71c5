package dev.strangler.proxy.consistency;

import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.route.SideTarget;
import dev.strangler.proxy.routing.Side;
import dev.strangler.proxy.web.JsonBody;
import dev.strangler.proxy.web.SafeMethods;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-your-writes while a context's requests are served by different sides. Every write (an unsafe request
 * answered 2xx) leaves the entities it names pending on the backend that took it, until a barrier begun after it
 * confirms that every consumer of the change feed applied it (or the window passes). A request naming a pending
 * entity that another backend would serve is, if it is a read the writing backend can serve, sent there; otherwise
 * it waits (without a thread) for the confirmation, at most {@code max-wait}. Nothing else changes side.
 */
@Component
public class ReadYourWrites implements SmartLifecycle {

    private final Map<String, RouteEntities> routes;
    private final ConsistencyProperties properties;
    private final JsonMapper json;
    private final PendingWrites pending = new PendingWrites();
    private final FeedBarrier barrier;
    private final Map<String, ConsistencyStatistics> statistics = new ConcurrentHashMap<>();
    private volatile boolean running;

    ReadYourWrites(RouteTable table, ConsistencyProperties properties, JsonMapper json) {
        this.routes = table.all().stream().filter(route -> !new RouteEntities(route.consistency()).isEmpty())
                .collect(Collectors.toUnmodifiableMap(RouteProperties::name,
                        route -> new RouteEntities(route.consistency())));
        this.properties = properties;
        this.json = json;
        this.barrier = properties.enabled()
                ? new FeedBarrier(properties.barrierUrl(), properties.barrierToken(), properties.maxWait(), pending,
                properties.window()) : null;
    }

    /** Whether a request of {@code route} may have to wait or change side: false on the hot path of most requests. */
    public boolean mayDepend(RouteProperties route) {
        return barrier != null && !pending.isEmpty() && routes.containsKey(route.name());
    }

    /** Whether the answers to {@code route}'s writes must be looked at. */
    public boolean tracksWrites(RouteProperties route) {
        return barrier != null && routes.containsKey(route.name());
    }

    /** The side that may serve this request now (after waiting for the change feed, if it has to). */
    public Mono<Side> settle(RouteProperties route, ServerWebExchange exchange, Side chosen) {
        RouteEntities entities = routes.get(route.name());
        Set<String> named = entities.inRequest(exchange, JsonBody.lazily(exchange, json));
        List<PendingWrites.Write> writes = pending.unconfirmed(named, entities.unkeyedBesides(named),
                barrier.confirmedThrough());
        SideTarget target = backend(route, chosen);
        if (writes.isEmpty() || writes.stream().allMatch(write -> write.backend().equals(target))) {
            return Mono.just(chosen);
        }
        Set<SideTarget> writers = writes.stream().map(PendingWrites.Write::backend).collect(Collectors.toSet());
        Side writer = writers.size() == 1 ? sideOf(route, writers.iterator().next()) : null;
        long latest = writes.stream().mapToLong(PendingWrites.Write::completedAt).max().orElseThrow();
        if (writer != null && SafeMethods.isSafe(exchange.getRequest().getMethod())) {
            statistics(route).redirected((System.nanoTime() - latest) / 1000);
            return Mono.just(writer);
        }
        long started = System.nanoTime();
        return Mono.fromFuture(barrier.confirmation(latest)).thenReturn(Boolean.TRUE)
                .timeout(properties.maxWait(), Mono.just(Boolean.FALSE))
                .map(confirmed -> {
                    statistics(route).waited((System.nanoTime() - started) / 1000, confirmed);
                    return chosen;
                });
    }

    /**
     * What a request names and when, for a comparison that must know whether those entities changed since: null
     * when the route names nothing (its answers are always comparable).
     */
    public EntityView view(RouteProperties route, ServerWebExchange exchange) {
        RouteEntities entities = routes.get(route.name());
        if (barrier == null || entities == null) {
            return null;
        }
        Set<String> named = entities.inRequest(exchange, JsonBody.lazily(exchange, json));
        List<String> unkeyed = entities.unkeyedBesides(named);
        boolean settled = pending.unconfirmed(named, unkeyed, barrier.confirmedThrough()).isEmpty();
        return new EntityView(named, unkeyed, System.nanoTime(), settled);
    }

    /**
     * Whether nothing a view names was being written: no write pending at the view's time, none recorded since.
     * Two answers taken across such a write saw different states, so comparing them says nothing about the service.
     */
    public boolean unchangedSince(EntityView view) {
        return view.settled() && !pending.writtenAfter(view.keys(), view.entities(), view.at());
    }

    /**
     * @param keys     the entities the request named
     * @param entities the entity kinds it depends on as a whole (a list)
     * @param at       {@link System#nanoTime()} when the view was taken
     * @param settled  whether no write to them was pending then
     */
    public record EntityView(Set<String> keys, List<String> entities, long at, boolean settled) {
    }

    /** The response of a write on {@code route}, which records what the write named once its status is known. */
    public ServerHttpResponse recording(RouteProperties route, ServerWebExchange exchange, ServerHttpResponse response,
                                        Supplier<Side> servedBy) {
        RouteEntities entities = routes.get(route.name());
        Set<String> named = entities.inRequest(exchange, JsonBody.lazily(exchange, json));
        return new WriteRecorder(response, entities, named, json, keys -> {
            pending.record(keys, backend(route, servedBy.get()), System.nanoTime());
            barrier.demand();
        });
    }

    public ConsistencyFigures figures(String route) {
        return statistics(route).figures();
    }

    /** Read-your-writes on this instance as a whole: whether it is on, writes pending, barriers asked for. */
    public Status status() {
        FeedBarrier.BarrierFigures figures = barrier == null ? new FeedBarrier.BarrierFigures(0, 0, 0)
                : barrier.figures();
        return new Status(barrier != null, pending.size(), figures.completed(), figures.failed(),
                figures.lastTookMillis());
    }

    /**
     * @param enabled             whether a barrier URL is configured
     * @param pendingWrites       entities written and not yet confirmed by a barrier
     * @param barriersCompleted   barriers the bridge confirmed
     * @param barriersFailed      barriers refused, incomplete or unanswered
     * @param lastBarrierMillis   how long the last confirmed barrier took
     */
    public record Status(boolean enabled, int pendingWrites, long barriersCompleted, long barriersFailed,
                         long lastBarrierMillis) {
    }

    private ConsistencyStatistics statistics(RouteProperties route) {
        return statistics(route.name());
    }

    private ConsistencyStatistics statistics(String route) {
        return statistics.computeIfAbsent(route, name -> new ConsistencyStatistics());
    }

    private static SideTarget backend(RouteProperties route, Side side) {
        return side == Side.EXTRACTED ? route.extractedUri() : route.legacyUri();
    }

    private static Side sideOf(RouteProperties route, SideTarget backend) {
        if (backend.equals(route.legacyUri())) {
            return Side.LEGACY;
        }
        return backend.equals(route.extractedUri()) ? Side.EXTRACTED : null;
    }

    @Override
    public void start() {
        if (barrier != null) {
            barrier.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (barrier != null) {
            barrier.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
