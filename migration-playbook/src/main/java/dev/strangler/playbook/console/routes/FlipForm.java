package dev.strangler.playbook.console.routes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A flip as the console's form sends it, checked before anything goes to the proxy.
 *
 * @param mode      the new mode
 * @param percent   the canary percentage as typed, or blank to keep it
 * @param reason    why (required)
 * @param confirmed "true" once the person confirmed a write route's flip (text, like every field, so that no
 *                  input can fail to bind)
 */
public record FlipForm(String mode, String percent, String reason, String confirmed) {

    private static final List<String> MODES = List.of("LEGACY", "SHADOW", "CANARY", "EXTRACTED");

    boolean confirmedByPerson() {
        return "true".equals(confirmed);
    }

    /** What is wrong with it, in words for the person who typed it, or null when nothing is. */
    String problem() {
        if (mode == null || !MODES.contains(mode.toUpperCase(Locale.ROOT))) {
            return "Choose a mode: one of " + String.join(", ", MODES) + ".";
        }
        if (reason == null || reason.isBlank()) {
            return "A flip needs a reason: it goes into the route's audit history.";
        }
        if (reason.length() > 500) {
            return "Keep the reason under 500 characters.";
        }
        if (percent != null && !percent.isBlank()) {
            try {
                double value = Double.parseDouble(percent.strip());
                if (!(value >= 0 && value <= 100)) {
                    return "The canary percent must be between 0 and 100, not " + percent.strip() + ".";
                }
            } catch (NumberFormatException e) {
                return "The canary percent must be a number between 0 and 100, not '" + percent.strip() + "'.";
            }
        }
        return null;
    }

    /** The admin API's flip body. */
    Map<String, Object> body(String by) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode.toUpperCase(Locale.ROOT));
        if (percent != null && !percent.isBlank()) {
            body.put("percent", Double.parseDouble(percent.strip()));
        }
        body.put("reason", reason.strip());
        body.put("by", by);
        return body;
    }

    /** What this flip does to a route's writes, for the confirmation. */
    List<String> consequences(RouteRow route) {
        String to = mode.toUpperCase(Locale.ROOT);
        String methods = route.methods().isEmpty() ? "every method" : String.join(", ", route.methods());
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Route " + route.name() + " serves writes (" + methods + "); it goes from " + route.mode()
                + " to " + to + ".");
        if ("EXTRACTED".equals(to) || "CANARY".equals(to)) {
            lines.add("Writes the extracted service takes are stored in its own database; the monolith's tables "
                    + "learn of them only through the reverse path, which must be on.");
            lines.add("A flip by hand does not hold writes, drain the change feed or move ownership: the "
                    + "playbook's write cut-over step does all three. Without them a write may be lost or "
                    + "applied on both sides.");
        } else {
            lines.add("Writes go back to the monolith. Writes the extracted service took since its cut-over reach "
                    + "the monolith only if the reverse path applied them: run a reconciliation first.");
        }
        return lines;
    }
}
