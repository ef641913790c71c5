package dev.strangler.playbook.action;

import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.remote.KitParts;
import java.util.List;
import java.util.Map;

/**
 * Switches the CDC bridge's reverse path (the services' events into the legacy tables) on or off.
 *
 * @param enabled on or off
 */
public record ReversePathAction(Boolean enabled) implements Action {

    @Override
    public String describe() {
        return "turn the reverse path " + (Boolean.TRUE.equals(enabled) ? "on" : "off");
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return enabled == null ? List.of("reverse-path needs enabled: true or false") : List.of();
    }

    @Override
    public Map<String, Object> run(KitParts parts, String reason) {
        parts.reversePath(enabled, reason);
        return Map.of();
    }
}
