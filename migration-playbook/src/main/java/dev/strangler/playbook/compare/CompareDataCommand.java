package dev.strangler.playbook.compare;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Reconcile a context's legacy tables with the extracted service's: row counts and per-row checksums.")
public final class CompareDataCommand implements Callable<Integer> {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--context", required = true, description = "the context to compare, e.g. members or orders")
    String context;

    @Option(names = "--playbook", description = "the playbook file with the contexts (default: migration-playbook/playbooks/members-and-orders.yml)")
    Path playbook;

    @Option(names = "--max-listed", defaultValue = "20", description = "keys listed per kind of difference (default: ${DEFAULT-VALUE})")
    int maxListed;

    @Option(names = "--repair", description = "re-send missing and differing rows from the legacy side (a CDC re-snapshot of those keys), then compare again")
    boolean repair;

    CompareDataCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path file = playbook != null ? playbook : kit.defaultPlaybook();
        ContextDefinition definition = ContextCatalog.load(file).context(context);
        DataReconciliation reconciliation = new DataReconciliation(kit.infra(), kit.environment(), maxListed);

        List<TableReconciliation> results = run(reconciliation, definition, out);
        if (repair && results.stream().anyMatch(r -> r.missing().count() + r.differing().count() > 0)) {
            new Repair(new DataReconciliation(kit.infra(), kit.environment(), Repair.MAX_KEYS), kit.cdcBridge(), out)
                    .repair(definition);
            results = run(reconciliation, definition, out);
        }
        long differences = results.stream().mapToLong(TableReconciliation::differences).sum();
        out.println(differences == 0 ? context + ": legacy and extracted agree"
                : context + ": " + differences + " difference(s)");
        out.flush();
        return differences == 0 ? 0 : KitException.CHECK_FAILED;
    }

    private List<TableReconciliation> run(DataReconciliation reconciliation, ContextDefinition definition, PrintWriter out) {
        long started = System.nanoTime();
        // A progress bar only where a person watches it, on stderr so that the report on stdout stays clean.
        ProgressBar bar = System.console() != null ? new ProgressBar(System.err) : null;
        List<TableReconciliation> results = reconciliation.reconcile(definition,
                bar != null ? bar : ReconciliationProgress.NONE);
        if (bar != null) {
            bar.clear();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (TableReconciliation result : results) {
            out.printf("%s (%,d rows) vs %s (%,d rows): %,d missing, %,d extra, %,d differing%n",
                    result.legacyTable(), result.legacyRows(), result.extractedTable(), result.extractedRows(),
                    result.missing().count(), result.extra().count(), result.differing().count());
            print(out, "missing", result.missing());
            print(out, "extra", result.extra());
            print(out, "differing", result.differing());
        }
        out.printf("compared in %.1f s%n", seconds);
        out.flush();
        return results;
    }

    private static void print(PrintWriter out, String kind, TableReconciliation.Listed listed) {
        listed.first().forEach(key -> out.println("  " + kind + ": " + key));
        if (listed.count() > listed.first().size()) {
            out.printf("  ... and %,d more %s%n", listed.count() - listed.first().size(), kind);
        }
    }
}
