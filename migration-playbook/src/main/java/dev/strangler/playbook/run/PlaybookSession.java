package dev.strangler.playbook.run;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.PlaybookLoader;
import dev.strangler.playbook.remote.KitParts;
import dev.strangler.playbook.stack.AdminToken;
import dev.strangler.playbook.stack.StackLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A playbook opened against the running stack: its runner, its parts, where its journal and progress are. */
public record PlaybookSession(Playbook playbook, PlaybookRunner runner, KitParts parts, Path journal, Path progress) {

    public static Path defaultFile(StackLayout layout) {
        return layout.home().resolve("migration-playbook/playbooks/members-and-orders.yml");
    }

    public static PlaybookSession open(StackLayout layout, Map<String, String> environment, Path file, PrintWriter out) {
        Playbook playbook = PlaybookLoader.load(file, environment);
        KitParts parts = new KitParts(playbook.endpoints(), AdminToken.resolve(environment, layout));
        Journal journal = new Journal(layout.kitDirectory().resolve("journal"), playbook.name());
        Path progress = layout.kitDirectory().resolve("playbook").resolve(playbook.name() + ".json");
        PlaybookRunner runner = new PlaybookRunner(playbook, parts,
                new Checks(parts, InfraSettings.fromEnvironment(environment), file), Progress.load(progress), journal,
                out, Clock.systemUTC());
        return new PlaybookSession(playbook, runner, parts, journal.markdown(), progress);
    }
}
