package dev.strangler.playbook.run;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.check.Check;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.ContextSchemaCheck;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.PlaybookLoader;
import dev.strangler.playbook.plan.Step;
import dev.strangler.playbook.remote.KitParts;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "playbook", mixinStandardHelpOptions = true,
        description = "Run the migration playbook: plan, status, next (one step), run (until a gate fails), rollback (the last step), "
                + "validate (everything it names, against the live systems).")
public final class PlaybookCommand implements Runnable {

    enum Verb { plan, status, next, run, rollback, validate }

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "plan, status, next, run, rollback or validate")
    Verb verb;

    @Option(names = "--playbook", description = "the playbook file (default: migration-playbook/playbooks/members-and-orders.yml)")
    Path file;

    PlaybookCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Path playbookFile = file != null ? file : kit.defaultPlaybook();
        if (verb == Verb.validate) {
            Playbook playbook = PlaybookLoader.load(playbookFile, kit.environment());
            new PlaybookValidation(playbook, ContextCatalog.load(playbookFile),
                    new KitParts(playbook.endpoints(), kit.adminToken()),
                    new ContextSchemaCheck(kit.infra(), kit.environment())).run(out);
            out.flush();
            return;
        }
        PlaybookSession session = PlaybookSession.open(kit, playbookFile, out);
        Playbook playbook = session.playbook();
        PlaybookRunner runner = session.runner();
        switch (verb) {
            case plan -> plan(playbook, runner, out);
            case status -> status(playbook, runner, out);
            case next -> runner.next();
            case run -> runner.run();
            case rollback -> runner.rollback();
        }
        if (verb != Verb.plan && verb != Verb.status) {
            out.println("journal: " + session.journal());
        }
        out.flush();
    }

    private static void plan(Playbook playbook, PlaybookRunner runner, PrintWriter out) {
        out.println(playbook.name() + ": " + playbook.steps().size() + " steps");
        for (Step step : playbook.steps()) {
            boolean applied = runner.applied().stream().anyMatch(a -> a.step().equals(step.id()));
            out.printf("%s %-24s %s%n", applied ? "✔" : "·", step.id(), step.title());
            step.gates().forEach(gate -> out.println("      gate:     " + gate.describe() + within(gate)));
            step.actions().forEach(action -> out.println("      action:   " + action.describe()));
            step.verify().forEach(check -> out.println("      verify:   " + check.describe() + within(check)));
            step.rollback().forEach(action -> out.println("      rollback: " + action.describe()));
            step.verifyRollback().forEach(check -> out.println("      then:     " + check.describe() + within(check)));
        }
    }

    private static void status(Playbook playbook, PlaybookRunner runner, PrintWriter out) {
        out.printf("%s: %d of %d steps applied%n", playbook.name(), runner.applied().size(), playbook.steps().size());
        runner.applied().forEach(applied -> out.println("  ✔ " + applied.step() + " at " + applied.at()));
        out.println(runner.nextStep().map(step -> "next: " + step.id() + " — " + step.title()).orElse("nothing left to do"));
    }

    private static String within(Check check) {
        return check.timeLimit().isZero() ? "" : " (within " + check.timeLimit().toSeconds() + " s)";
    }
}
