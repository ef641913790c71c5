package dev.strangler.playbook.run;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.check.Probes;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.DataReconciliation;
import dev.strangler.playbook.compare.ReconciliationProgress;
import dev.strangler.playbook.compare.TableReconciliation;
import dev.strangler.playbook.remote.KitParts;
import dev.strangler.scenario.ScenarioException;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioRunner;
import dev.strangler.scenario.ScenarioSuite;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The probes of a playbook run against the running stack. */
final class LiveProbes implements Probes {

    private final KitParts parts;
    private final InfraSettings infra;
    private final Map<String, String> environment;
    private final Path playbookFile;
    private final Path home;
    private final URI proxy;

    LiveProbes(KitParts parts, InfraSettings infra, Map<String, String> environment, Path playbookFile, Path home,
               URI proxy) {
        this.parts = parts;
        this.infra = infra;
        this.environment = environment;
        this.playbookFile = playbookFile;
        this.home = home;
        this.proxy = proxy;
    }

    @Override
    public JsonNode route(String route) {
        return parts.route(route);
    }

    @Override
    public JsonNode parity(String route) {
        return parts.parity(route);
    }

    @Override
    public JsonNode cdcStatus() {
        return parts.cdcStatus();
    }

    @Override
    public JsonNode ownership(String service) {
        return parts.ownership(service);
    }

    @Override
    public List<TableReconciliation> reconcile(String context, int listed) {
        return new DataReconciliation(infra, environment, listed)
                .reconcile(ContextCatalog.load(playbookFile).context(context), ReconciliationProgress.NONE);
    }

    @Override
    public ScenarioReport scenarios(Path directory) {
        Path suite = directory.isAbsolute() ? directory : home.resolve(directory);
        try {
            return new ScenarioRunner(proxy).run(ScenarioSuite.load(suite));
        } catch (ScenarioException e) {
            throw KitException.configuration("cannot run the scenario suite in " + suite + ": " + e.getMessage());
        }
    }
}
