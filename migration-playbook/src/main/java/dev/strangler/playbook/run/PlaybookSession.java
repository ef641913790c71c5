package dev.strangler.playbook.run;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.PlaybookLoader;
import dev.strangler.playbook.remote.KitParts;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** A playbook opened against the running stack: its runner, its parts, where its journal and progress are. */
public record PlaybookSession(Playbook playbook, PlaybookRunner runner, KitParts parts, Path journal, Path progress) {

    public static PlaybookSession open(KitContext kit, Path file, PrintWriter out) {
        return open(kit, file, out, kit.adminToken());
    }

    /**
     * @param token the control token the step's actions present, so the flips' audit names who ran the step (the
     *              console passes its signed-in operator's)
     */
    public static PlaybookSession open(KitContext kit, Path file, PrintWriter out, String token) {
        Playbook playbook = PlaybookLoader.load(file, kit.environment());
        KitParts parts = new KitParts(playbook.endpoints(), token);
        Journal journal = new Journal(kit.layout().kitDirectory().resolve("journal"),
                kit.layout().kitDirectory().resolve("metrics"), playbook.name());
        Path progress = kit.layout().kitDirectory().resolve("playbook").resolve(playbook.name() + ".json");
        URI proxy = playbook.endpoints().proxy() != null ? URI.create(playbook.endpoints().proxy()) : kit.proxyUrl();
        CheckRunner checks = new CheckRunner(new LiveProbes(parts, kit.infra(), kit.environment(), file,
                kit.layout().home(), proxy));
        PlaybookRunner runner = new PlaybookRunner(playbook, parts, checks, Progress.load(progress), journal, out,
                Clock.systemUTC());
        return new PlaybookSession(playbook, runner, parts, journal.markdown(), progress);
    }

    /** Every journal entry of this playbook so far, oldest first. */
    public List<JournalEntry> journalEntries() {
        return JournalEntry.read(journal.resolveSibling(playbook.name() + ".jsonl"));
    }
}
