package dev.strangler.playbook.check;

import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A route is in a mode.
 *
 * @param route  the proxy route
 * @param mode   LEGACY, SHADOW, CANARY or EXTRACTED
 * @param within how long to keep looking (default: once)
 */
public record RouteModeCheck(String route, String mode, String within) implements Check {

    /** The proxy's route modes. */
    public static final Set<String> MODES = Set.of("LEGACY", "SHADOW", "CANARY", "EXTRACTED");

    @Override
    public String describe() {
        return "route " + route + " in " + mode;
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return route != null && MODES.contains(mode) ? Durations.problems("within", within)
                : List.of("route-mode needs a route and a mode among " + MODES);
    }

    @Override
    public Duration timeLimit() {
        return Durations.parse(within, Duration.ZERO);
    }

    @Override
    public Measurement begin(Probes probes) {
        return () -> {
            String actual = probes.route(route).path("mode").asString();
            return Evidence.of(describe(), mode.equals(actual), Map.of("mode", actual), "route " + route + " is " + actual);
        };
    }
}
