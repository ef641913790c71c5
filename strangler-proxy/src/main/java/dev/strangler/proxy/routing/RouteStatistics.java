package dev.strangler.proxy.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/** Per-route traffic counters of this instance, since it started. */
@Component
public class RouteStatistics {

    private final Map<String, Counters> routes = new ConcurrentHashMap<>();

    Counters of(String route) {
        return routes.computeIfAbsent(route, name -> new Counters());
    }

    public Snapshot snapshot(String route) {
        Counters c = of(route);
        return new Snapshot(c.legacy.sum(), c.extracted.sum(), c.fallbacks.sum(), c.extractedFailures.sum(),
                c.rejected.sum());
    }

    static final class Counters {
        final LongAdder legacy = new LongAdder();
        final LongAdder extracted = new LongAdder();
        final LongAdder fallbacks = new LongAdder();
        final LongAdder extractedFailures = new LongAdder();
        final LongAdder rejected = new LongAdder();
    }

    /**
     * @param legacy            requests first sent to the monolith
     * @param extracted         requests first sent to the extracted service
     * @param fallbacks         safe requests the monolith answered after the extracted side failed
     * @param extractedFailures extracted calls that failed (error, timeout, 5xx) or were refused by an open circuit
     * @param rejected          requests answered with a 503 because they could not fall back
     */
    public record Snapshot(long legacy, long extracted, long fallbacks, long extractedFailures, long rejected) {
    }
}
