package dev.strangler.playbook.console.data;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.ContextDefinition;
import dev.strangler.playbook.compare.DataReconciliation;
import dev.strangler.playbook.compare.ReconciliationProgress;
import dev.strangler.playbook.compare.Repair;
import dev.strangler.playbook.compare.TableReconciliation;
import dev.strangler.playbook.console.ConsoleSettings;
import dev.strangler.playbook.remote.JsonHttp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Reconciliations (and repairs) the console ran, one context at a time in the background, the latest kept per
 * context. The same code as {@code kit compare data [--repair]}.
 */
@Component
public class Reconciliations implements AutoCloseable {

    /**
     * The latest run of one context.
     *
     * @param context  the context
     * @param started  when it started
     * @param finished when it finished, or null while it runs
     * @param repair   whether it repaired what it found first
     * @param tables   each table pair's outcome; empty while it runs or when it failed
     * @param failure  why it could not run, or null
     * @param log      what the repair did, or empty
     */
    public record Run(String context, Instant started, Instant finished, boolean repair,
                      List<TableReconciliation> tables, String failure, String log) {

        public long differences() {
            return tables.stream().mapToLong(TableReconciliation::differences).sum();
        }
    }

    private final KitContext kit;
    private final ConsoleSettings settings;
    private final Map<String, Run> latest = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    Reconciliations(KitContext kit, ConsoleSettings settings) {
        this.kit = kit;
        this.settings = settings;
    }

    public List<String> contexts() {
        return ContextCatalog.load(settings.playbook()).names();
    }

    public Map<String, Run> latest() {
        return Map.copyOf(latest);
    }

    /** @return false when a run of that context is already under way */
    public boolean start(String context, JsonHttp bridgeForRepair) {
        ContextDefinition definition = ContextCatalog.load(settings.playbook()).context(context);
        Run previous = latest.get(context);
        if (previous != null && previous.finished() == null) {
            return false;
        }
        boolean repair = bridgeForRepair != null;
        latest.put(context, new Run(context, Instant.now(), null, repair, List.of(), null, ""));
        worker.execute(() -> run(definition, bridgeForRepair));
        return true;
    }

    private void run(ContextDefinition definition, JsonHttp bridge) {
        Instant started = latest.get(definition.name()).started();
        StringWriter log = new StringWriter();
        try {
            if (bridge != null) {
                new Repair(new DataReconciliation(kit.infra(), kit.environment(), Repair.MAX_KEYS), bridge,
                        new PrintWriter(log, true)).repair(definition);
            }
            List<TableReconciliation> tables = new DataReconciliation(kit.infra(), kit.environment(), 20)
                    .reconcile(definition, ReconciliationProgress.NONE);
            latest.put(definition.name(), new Run(definition.name(), started, Instant.now(), bridge != null, tables,
                    null, log.toString()));
        } catch (RuntimeException e) {
            latest.put(definition.name(), new Run(definition.name(), started, Instant.now(), bridge != null,
                    List.of(), e.getMessage(), log.toString()));
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
