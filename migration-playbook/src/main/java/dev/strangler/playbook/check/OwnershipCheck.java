package dev.strangler.playbook.check;

import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service owns writes, or the monolith does.
 *
 * @param service the service, as named under the playbook's {@code endpoints.services}
 * @param mode    LEGACY_OWNS or SERVICE_OWNS
 * @param within  how long to keep looking (default: once)
 */
public record OwnershipCheck(String service, String mode, String within) implements Check {

    /** The services' ownership modes. */
    public static final Set<String> MODES = Set.of("LEGACY_OWNS", "SERVICE_OWNS");

    @Override
    public String describe() {
        return service + " ownership " + mode;
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return playbook.hasService(service) && MODES.contains(mode) ? Durations.problems("within", within)
                : List.of("ownership needs a service listed under endpoints.services and a mode among " + MODES);
    }

    @Override
    public Duration timeLimit() {
        return Durations.parse(within, Duration.ZERO);
    }

    @Override
    public Measurement begin(Probes probes) {
        return () -> {
            String actual = probes.ownership(service).path("mode").asString();
            return Evidence.of(describe(), mode.equals(actual), Map.of("mode", actual), service + " is " + actual);
        };
    }
}
