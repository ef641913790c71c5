package dev.strangler.playbook.action;

import dev.strangler.playbook.check.OwnershipCheck;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.remote.KitParts;
import java.util.List;
import java.util.Map;

/**
 * Moves the ownership of a context's writes between the monolith and a service.
 *
 * @param service the service, as named under the playbook's {@code endpoints.services}
 * @param mode    LEGACY_OWNS or SERVICE_OWNS
 */
public record SetOwnershipAction(String service, String mode) implements Action {

    @Override
    public String describe() {
        return "set " + service + " ownership to " + mode;
    }

    @Override
    public List<String> problems(Playbook playbook) {
        return playbook.hasService(service) && OwnershipCheck.MODES.contains(mode) ? List.of()
                : List.of("set-ownership needs a service listed under endpoints.services and a mode among "
                + OwnershipCheck.MODES);
    }

    @Override
    public Map<String, Object> run(KitParts parts, String reason) {
        parts.setOwnership(service, mode, reason);
        return Map.of();
    }
}
