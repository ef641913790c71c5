package dev.strangler.playbook.demo;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.DataReconciliation;
import dev.strangler.playbook.compare.ReconciliationProgress;
import dev.strangler.playbook.compare.TableReconciliation;
import dev.strangler.playbook.run.PlaybookSession;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.StepResult;
import dev.strangler.playbook.console.ConsoleSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the demo proves, in figures: steps applied and the way back, every client request as the contract allows,
 * where each route's requests were served, what the cut-overs' holds and read-your-writes cost, parity, lag, the
 * databases in agreement and the monolith's scenario suite passing through the proxy at the end.
 */
final class DemoSummary {

    private final KitContext kit;
    private final PlaybookSession session;
    private final Path playbookFile;

    DemoSummary(KitContext kit, PlaybookSession session, Path playbookFile) {
        this.kit = kit;
        this.session = session;
        this.playbookFile = playbookFile;
    }

    /** Prints the summary; returns the exit code: 0 only when everything held. */
    int print(PrintWriter out, String stopped, boolean reversed, BackgroundLoad.LoadFigures load,
              ScenarioReport scenarios) {
        int applied = session.runner().applied().size();
        int steps = session.playbook().steps().size();
        out.println();
        out.println("== Summary");
        out.printf("steps applied:       %d of %d%s%n", applied, steps, stopped == null ? "" : " (stopped: " + stopped + ")");
        out.printf("way back:            %s%n", reversed ? "the last write cut-over rolled back under load and applied"
                + " again, both verified" : "not shown (the playbook did not complete)");
        out.printf("client requests:     %,d sent, %,d failed%n", load.sent(), load.failed());
        load.byKind().forEach((kind, counts) -> out.printf("  %-28s %,7d sent %,5d failed%n", kind, counts[0], counts[1]));
        load.failures().forEach(failure -> out.println("  ✘ " + failure));

        JsonNode routes = session.parts().routes();
        out.println("served by side (the proxy's counts, whole run; held = writes that waited for a cut-over):");
        out.printf("  %-18s %9s %10s %9s %6s %15s %18s%n", "route", "legacy", "extracted", "fallback", "held",
                "hold p99/max ms", "redirected/waited");
        for (JsonNode route : routes) {
            JsonNode traffic = route.path("traffic");
            JsonNode holds = route.path("holds");
            JsonNode consistency = route.path("consistency");
            out.printf("  %-18s %,9d %,10d %,9d %,6d %15s %18s%n", route.path("name").asString(),
                    traffic.path("legacy").asLong(), traffic.path("extracted").asLong(),
                    traffic.path("fallbacks").asLong(), holds.path("held").asLong(),
                    holds.path("held").asLong() == 0 ? "-" : String.format("%.0f/%.0f", holds.path("p99Ms").asDouble(),
                            holds.path("maxMs").asDouble()),
                    consistency.path("redirectedReads").asLong() + "/" + consistency.path("waited").asLong());
        }
        long holdTimeouts = 0;
        for (JsonNode route : routes) {
            holdTimeouts += route.path("holds").path("timedOut").asLong();
        }
        for (String route : List.of("members-read", "orders-read")) {
            JsonNode parity = session.parts().parity(route);
            out.printf("parity %-13s %s %% over %,d compared, %d mismatch group(s), %,d not compared while written%n",
                    route + ":", parity.path("parityPercent").isNumber() ? parity.path("parityPercent").asDouble()
                            : "n/a", parity.path("compared").asLong(), parity.path("mismatchGroups").size(),
                    parity.path("inFlux").asLong());
        }
        JsonNode cdc = session.parts().cdcStatus();
        cdc.path("tables").forEach(table -> out.printf("CDC lag %-22s %,d ms (last event)%n",
                table.path("table").asString() + ":", table.path("lagMillis").asLong()));
        long differences = 0;
        ContextCatalog contexts = ContextCatalog.load(playbookFile);
        for (String context : contexts.names()) {
            long found = new DataReconciliation(kit.infra(), kit.environment(), 5)
                    .reconcile(contexts.context(context), ReconciliationProgress.NONE).stream()
                    .mapToLong(TableReconciliation::differences).sum();
            out.printf("reconciliation %-8s %,d difference(s)%n", context + ":", found);
            differences += found;
        }
        long scenarioSteps = scenarios.count(StepResult.Outcome.PASSED) + scenarios.count(StepResult.Outcome.FAILED)
                + scenarios.count(StepResult.Outcome.SKIPPED);
        out.printf("scenario suite:      %d of %d steps passed through the proxy%n",
                scenarios.count(StepResult.Outcome.PASSED), scenarioSteps);
        if (!scenarios.passed()) {
            out.print(scenarios.render());
        }
        out.println("journal:             " + session.journal());
        out.println(ConsoleSettings.banner(kit) + ": the finished migration, route by route");
        out.println("\nThe stack is still running: look around (the console, ./kit status, ./kit playbook status), "
                + "then ./kit down.");
        out.flush();
        boolean held = applied == steps && reversed && load.failed() == 0 && holdTimeouts == 0 && differences == 0
                && scenarios.passed() && scenarioSteps > 0;
        return held ? 0 : KitException.CHECK_FAILED;
    }
}
