package dev.strangler.playbook.action;

import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.remote.KitParts;
import java.util.List;
import java.util.Map;

/**
 * Holds a route's writes for a write cut-over: the proxy queues them (they wait, they are not refused) and answers
 * once the writes already in flight have finished. The step's next flip of the route releases them to the side it
 * chose; the hold also lapses by itself after the proxy's hold lease.
 *
 * @param route the proxy route of the context's writes
 */
public record HoldWritesAction(String route) implements Action {

    @Override
    public String describe() {
        return "hold the writes of route " + route;
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return route == null ? List.of("hold-writes needs a route") : List.of();
    }

    @Override
    public Map<String, Object> run(KitParts parts, String reason) {
        parts.holdWrites(route, reason);
        return Map.of();
    }
}
