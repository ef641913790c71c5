package dev.strangler.playbook.plan;

import dev.strangler.playbook.action.Action;
import dev.strangler.playbook.check.Check;
import java.util.List;

/**
 * One reversible move of the migration.
 *
 * @param id       unique within the playbook
 * @param title    what the step does, for people
 * @param gates    what must hold before the action runs; the step does not run otherwise
 * @param actions  what the step changes, in order
 * @param verify   what must hold after the actions; otherwise the rollback runs
 * @param rollback how to undo the actions, in order
 * @param verifyRollback what must hold after a rollback ('kit playbook rollback' fails when it does not)
 */
public record Step(String id, String title, List<Check> gates, List<Action> actions, List<Check> verify,
                   List<Action> rollback, List<Check> verifyRollback) {

    public Step {
        gates = gates == null ? List.of() : List.copyOf(gates);
        actions = actions == null ? List.of() : List.copyOf(actions);
        verify = verify == null ? List.of() : List.copyOf(verify);
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
        verifyRollback = verifyRollback == null ? List.of() : List.copyOf(verifyRollback);
    }
}
