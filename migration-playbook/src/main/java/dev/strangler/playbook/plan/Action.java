package dev.strangler.playbook.plan;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A change the playbook makes, always through a part's API (never by editing configuration).
 *
 * @param type    what is changed
 * @param route   flip-route: the proxy route
 * @param mode    flip-route: LEGACY, SHADOW, CANARY or EXTRACTED; set-ownership: LEGACY_OWNS or SERVICE_OWNS
 * @param percent flip-route: the canary percentage
 * @param service set-ownership: the service, as named under endpoints.services
 * @param enabled reverse-path: on or off
 */
public record Action(Type type, String route, String mode, Double percent, String service, Boolean enabled) {

    public enum Type {
        @JsonProperty("flip-route") FLIP_ROUTE,
        @JsonProperty("set-ownership") SET_OWNERSHIP,
        @JsonProperty("reverse-path") REVERSE_PATH
    }

    public String describe() {
        return switch (type) {
            case FLIP_ROUTE -> "flip route " + route + " to " + mode + (percent == null ? "" : " " + percent + " %");
            case SET_OWNERSHIP -> "set " + service + " ownership to " + mode;
            case REVERSE_PATH -> "turn the reverse path " + (Boolean.TRUE.equals(enabled) ? "on" : "off");
        };
    }
}
