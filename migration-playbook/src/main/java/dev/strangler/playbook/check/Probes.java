package dev.strangler.playbook.check;

import dev.strangler.playbook.compare.TableReconciliation;
import dev.strangler.scenario.ScenarioReport;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What checks measure the running system with: the parts' APIs, reconciliation and the scenario suite. */
public interface Probes {

    /** The proxy's view of a route: mode, traffic counters, hold and read-your-writes figures. */
    JsonNode route(String route);

    /** The proxy's parity report of a route. */
    JsonNode parity(String route);

    /** The CDC bridge's status. */
    JsonNode cdcStatus();

    /** A service's ownership of writes. */
    JsonNode ownership(String service);

    /** Reconciles a context of the playbook, listing up to {@code listed} differing keys per kind. */
    List<TableReconciliation> reconcile(String context, int listed);

    /** Runs the scenario suite in {@code directory} (relative to the kit's home) through the proxy. */
    ScenarioReport scenarios(Path directory);
}
