package dev.strangler.playbook.action;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.remote.KitParts;
import java.util.List;
import java.util.Map;

/**
 * A change a playbook step makes, always through a part's API (never by editing configuration). Each kind is its
 * own type, named by {@code type} in the playbook file; each validates and describes itself. Running an action
 * twice is harmless, so a step interrupted after an action can run again.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FlipRouteAction.class, name = "flip-route"),
        @JsonSubTypes.Type(value = HoldWritesAction.class, name = "hold-writes"),
        @JsonSubTypes.Type(value = DrainAction.class, name = "drain"),
        @JsonSubTypes.Type(value = SetOwnershipAction.class, name = "set-ownership"),
        @JsonSubTypes.Type(value = ReversePathAction.class, name = "reverse-path")})
public sealed interface Action permits FlipRouteAction, HoldWritesAction, DrainAction, SetOwnershipAction,
        ReversePathAction {

    /** What the action does, for people (plan, journal). */
    String describe();

    /** What is wrong with the action in this playbook, each in a sentence. */
    List<String> problems(Playbook playbook);

    /**
     * Carries the action out; throws when a part refused it.
     *
     * @return figures worth keeping in the journal (e.g. how long a drain took), possibly none
     */
    Map<String, Object> run(KitParts parts, String reason);
}
