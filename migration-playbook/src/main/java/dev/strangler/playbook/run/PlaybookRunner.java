package dev.strangler.playbook.run;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.plan.Action;
import dev.strangler.playbook.plan.Check;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.Step;
import dev.strangler.playbook.remote.KitParts;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a playbook one step at a time: the gates are measured first and the step does not run unless all hold; then
 * the actions; then the verification, and the rollback when it fails. Every phase goes to the journal; the progress
 * is saved after each applied step.
 */
public final class PlaybookRunner {

    private final Playbook playbook;
    private final KitParts parts;
    private final Checks checks;
    private final Progress progress;
    private final Journal journal;
    private final PrintWriter out;
    private final Clock clock;

    PlaybookRunner(Playbook playbook, KitParts parts, Checks checks, Progress progress, Journal journal, PrintWriter out,
                   Clock clock) {
        this.playbook = playbook;
        this.parts = parts;
        this.checks = checks;
        this.progress = progress;
        this.journal = journal;
        this.out = out;
        this.clock = clock;
    }

    public Optional<Step> nextStep() {
        return playbook.steps().stream().filter(step -> !progress.isApplied(step.id())).findFirst();
    }

    public List<Progress.Applied> applied() {
        return progress.applied();
    }

    /** @return true if a step was applied, false if every step already was; throws when a gate or check fails */
    public boolean next() {
        Optional<Step> next = nextStep();
        if (next.isEmpty()) {
            out.println("Every step of " + playbook.name() + " is applied.");
            return false;
        }
        Step step = next.get();
        out.println("== " + step.id() + ": " + step.title());
        List<Evidence> gates = measure(step.gates(), "gate");
        if (gates.stream().anyMatch(evidence -> !evidence.passed())) {
            journal.record(clock.instant(), step.id(), "gates", "failed: the step was not run", gates, null);
            throw new KitException(KitException.CHECK_FAILED, "a gate of " + step.id() + " failed; nothing was changed");
        }
        journal.record(clock.instant(), step.id(), "gates", "passed", gates, null);
        act(step, step.actions(), "actions");
        List<Evidence> verification = measure(step.verify(), "verify");
        if (verification.stream().anyMatch(evidence -> !evidence.passed())) {
            journal.record(clock.instant(), step.id(), "verify", "failed: rolling back", verification, null);
            act(step, step.rollback(), "rollback");
            throw new KitException(KitException.CHECK_FAILED, "the verification of " + step.id() + " failed; rolled back");
        }
        progress.markApplied(step.id(), clock.instant());
        journal.record(clock.instant(), step.id(), "verify", "passed: step applied", verification, null);
        out.println("   applied");
        out.flush();
        return true;
    }

    /** Applies steps until one fails or all are applied. */
    public void run() {
        while (next()) {
            // each step is journalled and saved before the next one starts
        }
    }

    /** Undoes the last applied step. */
    public void rollback() {
        List<Progress.Applied> applied = progress.applied();
        if (applied.isEmpty()) {
            throw KitException.configuration("no step of " + playbook.name() + " is applied: nothing to roll back");
        }
        Step step = playbook.step(applied.get(applied.size() - 1).step());
        if (step == null) {
            throw KitException.configuration("the last applied step '" + applied.get(applied.size() - 1).step()
                    + "' is no longer in the playbook; roll it back by hand");
        }
        out.println("== rolling back " + step.id() + ": " + step.title());
        act(step, step.rollback(), "rollback");
        progress.unmark(step.id());
        journal.record(clock.instant(), step.id(), "rollback", "done: step no longer applied", List.of(), null);
    }

    private List<Evidence> measure(List<Check> list, String phase) {
        List<Evidence> evidence = new ArrayList<>();
        for (Check check : list) {
            Evidence measured = checks.measure(check);
            out.printf("   %s %s %s — %s %s%n", phase, measured.passed() ? "✔" : "✘", measured.check(),
                    measured.detail(), measured.figures());
            out.flush();
            evidence.add(measured);
        }
        return evidence;
    }

    private void act(Step step, List<Action> actions, String phase) {
        String reason = "playbook " + playbook.name() + ", step " + step.id() + " (" + phase + ")";
        for (Action action : actions) {
            out.println("   " + phase + ": " + action.describe());
            out.flush();
            switch (action.type()) {
                case FLIP_ROUTE -> parts.flip(action.route(), action.mode(), action.percent(), reason);
                case SET_OWNERSHIP -> parts.setOwnership(action.service(), action.mode(), reason);
                case REVERSE_PATH -> parts.reversePath(action.enabled(), reason);
            }
            journal.record(clock.instant(), step.id(), phase, "done", List.of(), action.describe());
        }
    }
}
