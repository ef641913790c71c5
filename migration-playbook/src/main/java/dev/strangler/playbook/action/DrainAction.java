package dev.strangler.playbook.action;

import dev.strangler.playbook.check.Durations;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.remote.KitParts;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits until every change committed so far has been applied by every consumer of the change feed (a CDC bridge
 * barrier): at a write cut-over, after the writes are held, the new owner then has every change the old one
 * accepted before ownership moves. Fails (and the step rolls back) when the consumers do not catch up in time.
 *
 * @param within how long to wait at most (default 10s)
 */
public record DrainAction(String within) implements Action {

    @Override
    public String describe() {
        return "drain the change feed (every consumer caught up)";
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return Durations.problems("within", within);
    }

    @Override
    public Map<String, Object> run(KitParts parts, String reason) {
        return parts.drain(Durations.parse(within, Duration.ofSeconds(10)));
    }
}
