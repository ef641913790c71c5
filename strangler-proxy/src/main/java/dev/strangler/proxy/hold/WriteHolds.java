package dev.strangler.proxy.hold;

import dev.strangler.proxy.toggle.RouteToggle;
import dev.strangler.proxy.toggle.Toggles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Holding a route's writes during a write cut-over. While the route's toggle holds them, an unsafe request waits
 * (without a thread) for the next change of the route's toggle and is then routed by the state that change left;
 * it is never sent to the old owner after the hold began. The writes already in flight when the hold began are
 * counted, so the flip that holds can answer once they have finished and the forward path can drain.
 */
@Component
public class WriteHolds {

    private static final String HELD_SINCE = WriteHolds.class.getName() + ".heldSince";

    private final Toggles toggles;
    private final HoldProperties properties;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final Map<String, HeldTimes> heldTimes = new ConcurrentHashMap<>();

    WriteHolds(Toggles toggles, HoldProperties properties) {
        this.toggles = toggles;
        this.properties = properties;
    }

    /**
     * Routes an unsafe request of {@code route}: at once with the current toggle when its writes are not held;
     * otherwise once the hold ends (or with a 503 after {@code max-wait}).
     */
    public Mono<Void> route(String route, ServerWebExchange exchange, RouteWrite write) {
        CompletableFuture<Void> change = toggles.nextChange(route);
        RouteToggle toggle = toggles.current(route);
        Instant now = clock.instant();
        if (!toggle.writesHeld(now)) {
            Long since = exchange.getAttribute(HELD_SINCE);
            if (since != null) {
                heldTimes(route).released((System.nanoTime() - since) / 1000);
            }
            InFlight counter = inFlight.computeIfAbsent(route, name -> new InFlight());
            counter.started();
            return write.send(toggle).doFinally(signal -> counter.finished());
        }
        Long since = exchange.getAttribute(HELD_SINCE);
        if (since == null) {
            since = System.nanoTime();
            exchange.getAttributes().put(HELD_SINCE, since);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - since);
        Duration left = properties.maxWait().minus(waited);
        if (left.isNegative() || left.isZero()) {
            heldTimes(route).timedOut();
            return Mono.error(new WritesHeldException(route, waited));
        }
        Duration lapse = Duration.between(now, toggle.hold().until());
        Duration wait = lapse.compareTo(left) < 0 ? lapse : left;
        return Mono.fromFuture(change).timeout(wait, Mono.empty())
                .then(Mono.defer(() -> route(route, exchange, write)));
    }

    /** Completes with the number of the route's writes still in flight once none are, or after {@code timeout}. */
    public Mono<Integer> drained(String route) {
        InFlight counter = inFlight.computeIfAbsent(route, name -> new InFlight());
        return Mono.fromFuture(counter.zero()).timeout(properties.drainTimeout(), Mono.empty())
                .then(Mono.fromSupplier(counter::count));
    }

    public HoldFigures figures(String route) {
        return heldTimes(route).figures();
    }

    private HeldTimes heldTimes(String route) {
        return heldTimes.computeIfAbsent(route, name -> new HeldTimes());
    }

    /** Sends a write with the toggle it was routed by. */
    @FunctionalInterface
    public interface RouteWrite {
        Mono<Void> send(RouteToggle toggle);
    }

    /** A route's unsafe requests in flight, and who waits for there to be none. */
    private static final class InFlight {

        private final AtomicInteger count = new AtomicInteger();
        private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

        void started() {
            count.incrementAndGet();
        }

        synchronized void finished() {
            if (count.decrementAndGet() == 0) {
                waiting.forEach(future -> future.complete(null));
                waiting.clear();
            }
        }

        synchronized CompletableFuture<Void> zero() {
            if (count.get() == 0) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            waiting.add(future);
            return future;
        }

        int count() {
            return count.get();
        }
    }
}
