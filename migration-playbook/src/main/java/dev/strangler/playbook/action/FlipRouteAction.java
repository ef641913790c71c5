package dev.strangler.playbook.action;

import dev.strangler.playbook.check.RouteModeCheck;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.remote.KitParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flips a proxy route to a mode (and canary percentage). A flip also releases the route's writes if they were
 * held, so a write cut-over's held writes go to the side this flip chose.
 *
 * @param route   the proxy route
 * @param mode    LEGACY, SHADOW, CANARY or EXTRACTED
 * @param percent the canary percentage, 0–100
 */
public record FlipRouteAction(String route, String mode, Double percent) implements Action {

    @Override
    public String describe() {
        return "flip route " + route + " to " + mode + (percent == null ? "" : " " + percent + " %");
    }

    @Override
    public List<String> problems(Playbook playbook) {
        List<String> problems = new ArrayList<>();
        if (route == null || !RouteModeCheck.MODES.contains(mode)) {
            problems.add("flip-route needs a route and a mode among " + RouteModeCheck.MODES);
        }
        if (percent != null && (percent < 0 || percent > 100)) {
            problems.add("flip-route: percent must be between 0 and 100, not " + percent);
        }
        return problems;
    }

    @Override
    public Map<String, Object> run(KitParts parts, String reason) {
        parts.flip(route, mode, percent, reason);
        return Map.of();
    }
}
