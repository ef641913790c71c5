package dev.strangler.playbook.run;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.action.Action;
import dev.strangler.playbook.action.FlipRouteAction;
import dev.strangler.playbook.action.HoldWritesAction;
import dev.strangler.playbook.check.Check;
import dev.strangler.playbook.check.ErrorRateCheck;
import dev.strangler.playbook.check.ReconciliationCheck;
import dev.strangler.playbook.check.RouteModeCheck;
import dev.strangler.playbook.check.ShadowParityCheck;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.ContextDefinition;
import dev.strangler.playbook.compare.ContextSchemaCheck;
import dev.strangler.playbook.compare.http.BaseUrl;
import dev.strangler.playbook.plan.Playbook;
import dev.strangler.playbook.plan.Step;
import dev.strangler.playbook.remote.KitParts;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@code kit playbook validate}: everything a playbook names, checked against the live systems before a step runs.
 * Every endpoint answers; every route a step flips, holds or measures is one of the proxy's; every context a gate
 * reconciles exists, and its tables, keys and columns are in the databases; every legacy table it compares is one
 * the CDC bridge captures; every service a step moves ownership of answers its ownership API. All problems at once.
 */
final class PlaybookValidation {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Playbook playbook;
    private final ContextCatalog contexts;
    private final KitParts parts;
    private final ContextSchemaCheck schema;
    private final List<String> problems = new ArrayList<>();
    private JsonNode proxyRoutes;
    private JsonNode bridgeStatus;

    PlaybookValidation(Playbook playbook, ContextCatalog contexts, KitParts parts, ContextSchemaCheck schema) {
        this.playbook = playbook;
        this.contexts = contexts;
        this.parts = parts;
        this.schema = schema;
    }

    /** Prints what it checked and every problem; throws (exit 1) when there is any. */
    void run(PrintWriter out) {
        out.printf("Validating playbook %s against the live systems%n", playbook.name());
        endpoints(out);
        routes(out);
        contexts(out);
        if (problems.isEmpty()) {
            out.println("No problems.");
            return;
        }
        out.printf("%d problem(s):%n", problems.size());
        problems.forEach(problem -> out.println("  ✘ " + problem));
        out.flush();
        throw new KitException(KitException.CHECK_FAILED, problems.size() + " problem(s) in playbook "
                + playbook.name());
    }

    /** Asks each part once; the routes and the captured tables below are read from these answers. */
    private void endpoints(PrintWriter out) {
        int answered = 0;
        int named = 0;
        if (playbook.endpoints().proxy() != null) {
            named++;
            answered += answers("proxy", playbook.endpoints().proxy()) ? 1 : 0;
        }
        named += 2;
        proxyRoutes = ask(parts::routes, "proxy-admin");
        bridgeStatus = ask(parts::cdcStatus, "cdc-bridge");
        answered += (proxyRoutes != null ? 1 : 0) + (bridgeStatus != null ? 1 : 0);
        for (String service : playbook.endpoints().services().keySet()) {
            named++;
            answered += ask(() -> parts.ownership(service), "service " + service) != null ? 1 : 0;
        }
        out.printf("  endpoints: %d of %d answered%n", answered, named);
    }

    private void routes(PrintWriter out) {
        Set<String> named = new TreeSet<>();
        for (Step step : playbook.steps()) {
            checks(step).forEach(check -> route(check).ifPresent(named::add));
            actions(step).forEach(action -> route(action).ifPresent(named::add));
        }
        if (proxyRoutes == null) {
            out.printf("  routes: %d named, not checked (the proxy's admin API did not answer)%n", named.size());
            return;
        }
        Set<String> existing = new TreeSet<>();
        proxyRoutes.forEach(route -> existing.add(route.path("name").asString()));
        List<String> missing = named.stream().filter(route -> !existing.contains(route)).toList();
        missing.forEach(route -> problems.add("route " + route + " is not one of the proxy's ("
                + String.join(", ", existing) + ")"));
        out.printf("  routes: %d named, %d of them in the proxy%n", named.size(), named.size() - missing.size());
    }

    private void contexts(PrintWriter out) {
        Set<String> reconciled = new TreeSet<>();
        for (Step step : playbook.steps()) {
            checks(step).filter(ReconciliationCheck.class::isInstance).map(ReconciliationCheck.class::cast)
                    .map(ReconciliationCheck::context).forEach(reconciled::add);
        }
        reconciled.stream().filter(name -> !contexts.names().contains(name)).forEach(name -> problems.add(
                "context " + name + " is reconciled by a step but not defined under 'contexts' (there: "
                        + String.join(", ", contexts.names()) + ")"));
        ContextSchemaCheck.Result result = schema.check(contexts);
        problems.addAll(result.problems());
        out.printf("  contexts: %d, with %d tables and %d columns%n", contexts.names().size(), result.tables(),
                result.columns());
        captured(out);
    }

    /** Every legacy table a context compares must be one the bridge captures, or the copy can never agree. */
    private void captured(PrintWriter out) {
        if (bridgeStatus == null) {
            out.println("  captured tables: not checked (the CDC bridge did not answer)");
            return;
        }
        Set<String> legacyTables = contexts.names().stream().flatMap(name -> contexts.context(name).tables().stream())
                .map(ContextDefinition.TablePair::legacy).map(ContextDefinition.TableRef::table)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> captured = new TreeSet<>();
        for (JsonNode table : bridgeStatus.path("tables")) {
            String name = table.path("table").asString();
            captured.add(name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT));
        }
        List<String> missing = legacyTables.stream()
                .filter(table -> !captured.contains(table.toUpperCase(Locale.ROOT))).toList();
        missing.forEach(table -> problems.add("legacy table " + table + " is compared by a context but the CDC "
                + "bridge does not capture it (it captures " + String.join(", ", captured) + ")"));
        out.printf("  captured tables: %d compared, %d of them captured%n", legacyTables.size(),
                legacyTables.size() - missing.size());
    }

    /** The part's answer, or null (and a problem) when it does not give one. */
    private JsonNode ask(Supplier<JsonNode> call, String endpoint) {
        try {
            return call.get();
        } catch (KitException e) {
            problems.add(endpoint + ": " + e.getMessage());
            return null;
        }
    }

    /** The proxy's traffic port answers anything at all (a 404 too): it is there. */
    private boolean answers(String endpoint, String url) {
        try {
            BaseUrl.requireReachable(endpoint, URI.create(url), CLIENT);
            return true;
        } catch (KitException | IllegalArgumentException e) {
            problems.add(e instanceof KitException ? e.getMessage() : endpoint + " " + url + ": " + e.getMessage());
            return false;
        }
    }

    private static Stream<Check> checks(Step step) {
        return Stream.of(step.gates(), step.verify(), step.verifyRollback()).flatMap(List::stream);
    }

    private static Stream<Action> actions(Step step) {
        return Stream.of(step.actions(), step.rollback()).flatMap(List::stream);
    }

    private static Optional<String> route(Check check) {
        if (check instanceof RouteModeCheck mode) {
            return Optional.ofNullable(mode.route());
        }
        if (check instanceof ErrorRateCheck errors) {
            return Optional.ofNullable(errors.route());
        }
        if (check instanceof ShadowParityCheck parity) {
            return Optional.ofNullable(parity.route());
        }
        return Optional.empty();
    }

    private static Optional<String> route(Action action) {
        if (action instanceof FlipRouteAction flip) {
            return Optional.ofNullable(flip.route());
        }
        if (action instanceof HoldWritesAction hold) {
            return Optional.ofNullable(hold.route());
        }
        return Optional.empty();
    }
}
