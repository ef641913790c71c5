package dev.strangler.playbook.run;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.action.Action;
import dev.strangler.playbook.check.Check;
import dev.strangler.playbook.check.Evidence;
import dev.strangler.playbook.check.ScenarioSuiteCheck;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.Step;
import dev.strangler.playbook.remote.KitParts;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a playbook one step at a time: the gates are measured first and the step does not run unless all hold; then
 * the actions; then the verification (including any bake time), and the rollback when it fails or when an action
 * was refused half-way. Every phase goes to the journal; the progress is saved after each applied step.
 */
public final class PlaybookRunner {

    private final Playbook playbook;
    private final KitParts parts;
    private final CheckRunner checks;
    private final Progress progress;
    private final Journal journal;
    private final PrintWriter out;
    private final Clock clock;

    PlaybookRunner(Playbook playbook, KitParts parts, CheckRunner checks, Progress progress, Journal journal,
                   PrintWriter out, Clock clock) {
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

    /**
     * The next step's gates as they stand now, each measured once without waiting; the scenario suite is not run
     * ahead (it is a whole test run), so its entry says so. Empty when every step is applied.
     */
    public List<Evidence> previewNextGates() {
        List<Evidence> preview = new ArrayList<>();
        nextStep().ifPresent(step -> step.gates().forEach(gate -> preview.add(gate instanceof ScenarioSuiteCheck
                ? new Evidence(gate.describe(), Evidence.Verdict.PENDING, Map.of(), "runs when the step runs")
                : checks.measureOnce(gate))));
        return preview;
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
        try {
            act(step, step.actions(), "actions");
        } catch (KitException refused) {
            journal.record(clock.instant(), step.id(), "actions", "failed: rolling back", List.of(), refused.getMessage());
            act(step, step.rollback(), "rollback");
            throw new KitException(KitException.CHECK_FAILED, "an action of " + step.id() + " failed ("
                    + refused.getMessage() + "); rolled back");
        }
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

    /** Undoes the last applied step: its rollback actions, then the verification of its rollback, if any. */
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
        List<Evidence> verification = measure(step.verifyRollback(), "verify");
        boolean held = verification.stream().allMatch(Evidence::passed);
        journal.record(clock.instant(), step.id(), "rollback", held ? "done: step no longer applied"
                : "done, but its verification failed", verification, null);
        if (!held) {
            throw new KitException(KitException.CHECK_FAILED, "the rollback of " + step.id()
                    + " was done, but its verification failed");
        }
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
            Map<String, Object> figures = action.run(parts, reason);
            if (!figures.isEmpty()) {
                out.println("      " + figures);
            }
            journal.record(clock.instant(), step.id(), phase, "done", List.of(),
                    action.describe() + (figures.isEmpty() ? "" : " " + figures));
        }
    }
}
