package dev.strangler.proxy.toggle;

import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.RouteTable;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This instance's view of the toggle log: the latest applied record per route, or the YAML's initial state for a
 * route never flipped. Read on every request, written only by the log's consumer thread.
 */
@Component
public class Toggles {

    private static final Logger log = LoggerFactory.getLogger(Toggles.class);

    private final Map<String, RouteToggle> initial;
    private final Map<String, RouteToggle> applied = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> changes = new ConcurrentHashMap<>();

    public Toggles(RouteTable table) {
        this.initial = table.all().stream()
                .collect(Collectors.toUnmodifiableMap(RouteProperties::name, RouteToggle::initial));
    }

    public RouteToggle current(String route) {
        RouteToggle toggle = applied.get(route);
        return toggle != null ? toggle : initial.get(route);
    }

    /**
     * Completes when the route's next record is applied. Take it before reading {@link #current}, so a change in
     * between is not missed.
     */
    public CompletableFuture<Void> nextChange(String route) {
        return changes.computeIfAbsent(route, name -> new CompletableFuture<>());
    }

    void apply(String route, RouteToggle toggle) {
        if (!initial.containsKey(route)) {
            // Another proxy with a different route table shares the topic: keep its routes out of ours.
            log.debug("Ignoring toggle for route '{}', which is not in this proxy's route table", route);
            return;
        }
        if (toggle == null) {
            applied.remove(route);
        } else {
            applied.put(route, toggle);
        }
        CompletableFuture<Void> waiting = changes.remove(route);
        if (waiting != null) {
            waiting.complete(null);
        }
    }
}
