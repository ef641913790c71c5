package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.playbook.metrics.PrometheusScrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The playbook on the whole stack: gates that refuse without evidence change nothing; then the whole demo migration
 * (members, then orders, both write cut-overs, a rollback of the last one and its second application) under a
 * background load that uses the whole contract, with the monolith's scenario suite through the proxy after every
 * step; and afterwards the migrated system answers every scenario as the monolith does. Part of
 * {@link WholeStackIntegrationTests}: it migrates what the fault tests left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaybookIntegrationTests {

    private static KitTestStack stack;
    /** Every part exports its traces here; sampling 0 keeps only the traces a client asked to be sampled. */
    private static final OtlpReceiver traces = WholeStack.traces();

    @TempDir
    Path directory;

    @BeforeAll
    static void up() throws Exception {
        stack = WholeStack.up();
        assertThat(stack.kit("seed", "--members", "300", "--orders", "300").exitCode()).isZero();
    }

    /** Keeps the state (the parts' logs) of a failed run for a look. */
    @RegisterExtension
    static final TestWatcher KEEP_STATE_OF_FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            WholeStack.keepState();
        }
    };

    @Test
    @Order(1)
    void aFailedGateChangesNothingAndARollbackOfNothingIsRefused() throws Exception {
        Path file = Files.writeString(directory.resolve("gated.yml"), """
                name: gated
                endpoints:
                  proxy-admin: http://127.0.0.1:%s
                  cdc-bridge: http://127.0.0.1:%s
                  services: {}
                steps:
                  - id: never
                    title: gated on a mode the route is not in
                    gates:
                      - { type: route-mode, route: orders-write, mode: EXTRACTED }
                    actions:
                      - { type: flip-route, route: orders-write, mode: SHADOW }
                """.formatted(stack.environment().get("PROXY_ADMIN_PORT"), stack.environment().get("CDC_BRIDGE_PORT")));

        KitTestStack.KitRun next = stack.kit("playbook", "next", "--playbook", file.toString());
        assertThat(next.exitCode()).isEqualTo(1);
        assertThat(next.output()).contains("✘ route orders-write in EXTRACTED", "nothing was changed");
        assertThat(route("orders-write")).contains("\"mode\":\"LEGACY\"");

        KitTestStack.KitRun rollback = stack.kit("playbook", "rollback", "--playbook", file.toString());
        assertThat(rollback.exitCode()).isEqualTo(2);
        assertThat(rollback.output()).contains("nothing to roll back");

        Path broken = Files.writeString(directory.resolve("broken.yml"), "name: broken\nsteps:\n  - id: x\n    actions: [ {type: teleport} ]\n");
        KitTestStack.KitRun invalid = stack.kit("playbook", "plan", "--playbook", broken.toString());
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.output()).containsPattern("broken\\.yml:4:\\d+: .*teleport");
    }

    @Test
    @Order(2)
    void aTrafficGateWithNoTrafficFailsForWantOfEvidence() throws Exception {
        Path file = Files.writeString(directory.resolve("canary.yml"), """
                name: canary-without-traffic
                endpoints:
                  proxy-admin: http://127.0.0.1:%s
                  cdc-bridge: http://127.0.0.1:%s
                  services: {}
                steps:
                  - id: orders-canary-10
                    title: a canary that nobody uses
                    gates:
                      - { type: error-rate, route: orders-read, max-percent: 1.0, min-requests: 50, within: 4s }
                    actions:
                      - { type: flip-route, route: orders-read, mode: CANARY, percent: 10 }
                """.formatted(stack.environment().get("PROXY_ADMIN_PORT"), stack.environment().get("CDC_BRIDGE_PORT")));

        KitTestStack.KitRun next = stack.kit("playbook", "next", "--playbook", file.toString());

        assertThat(next.exitCode()).isEqualTo(1);
        assertThat(next.output()).contains("✘ extracted error rate of orders-read",
                "not enough evidence: 0 of 50 extracted requests", "nothing was changed");
        assertThat(route("orders-read")).contains("\"mode\":\"LEGACY\"");
    }

    @Test
    @Order(3)
    void validateChecksEverythingThePlaybookNamesAgainstTheLiveSystemsAndReportsEveryProblem() throws Exception {
        KitTestStack.KitRun valid = stack.kit("playbook", "validate");
        assertThat(valid.exitCode()).as(valid.output()).isZero();
        assertThat(valid.output()).contains("endpoints: 5 of 5 answered", "routes: 4 named, 4 of them in the proxy",
                "contexts: 2, with 6 tables", "captured tables: 3 compared, 3 of them captured", "No problems.");

        String demo = Files.readString(Path.of("playbooks/members-and-orders.yml"));
        String broken = demo
                .replaceFirst("route: members-read, mode: SHADOW \\}", "route: member-read, mode: SHADOW }")
                .replaceFirst("context: members, max-differences: 0, within: 3m", "context: memberz, max-differences: 0, within: 3m")
                .replace("extracted: login_id }", "extracted: login }")
                .replace("key: [MBR_NO] }", "key: [MBR_NM] }")
                .replaceFirst("order: \\$\\{ORDER_SERVICE_URL:[^\\n]*", "order: http://127.0.0.1:1")
                + """
                  stock:
                    tables:
                      - legacy: { account: legacy, table: TB_STOCK_RESV, key: [RESV_ID] }
                        extracted: { account: member, table: STOCK, key: [id] }
                        columns:
                          - { legacy: QTY, extracted: quantity }
                """;
        Path file = Files.writeString(directory.resolve("broken-names.yml"), broken);
        KitTestStack.KitRun invalid = stack.kit("playbook", "validate", "--playbook", file.toString());
        assertThat(invalid.exitCode()).as(invalid.output()).isEqualTo(1);
        assertThat(invalid.output()).contains("7 problem(s):",
                "service order: cannot reach the order service",
                "route member-read is not one of the proxy's",
                "context memberz is reconciled by a step but not defined",
                "member table MEMBER has no column login",
                "legacy table TB_MEMBER: key (MBR_NM) is not its primary key or a unique index",
                "member table STOCK does not exist in database",
                "legacy table TB_STOCK_RESV is compared by a context but the CDC bridge does not capture it");
    }

    @Test
    @Order(4)
    void routesListsAndFlipsThroughTheAdminApi() throws Exception {
        KitTestStack.KitRun flip = stack.kit("routes", "flip", "products", "--mode", "LEGACY", "--reason", "audit check");
        assertThat(flip.exitCode()).as(flip.output()).isZero();
        assertThat(flip.output()).contains("products is now LEGACY", "version 1");

        KitTestStack.KitRun unknown = stack.kit("routes", "flip", "payments", "--mode", "SHADOW", "--reason", "r");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.output()).contains("the proxy's admin API refused", "404");

        KitTestStack.KitRun noReason = stack.kit("routes", "flip", "orders-read", "--mode", "SHADOW");
        assertThat(noReason.exitCode()).isEqualTo(2);
        assertThat(noReason.output()).contains("--reason");

        KitTestStack.KitRun list = stack.kit("routes", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.output()).contains("members-read", "orders-write", "products");
    }

    @Test
    @Order(5)
    void theWholeMigrationUnderLoadKeepsTheContractInEveryPhaseAndOnTheWayBack() throws Exception {
        KitTestStack.KitRun demo = stack.kit("demo", "--clients", "2");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Continuing the demo: 0 of 12 steps are applied.",
                "steps applied:       12 of 12", "way back:            the last write cut-over rolled back",
                "reconciliation members: 0 difference(s)", "reconciliation orders:  0 difference(s)",
                "scenario suite:      57 of 57 steps passed through the proxy")
                .containsPattern("client requests: +[\\d,]+ sent, 0 failed")
                .containsPattern("members-write +[\\d,]+ +[\\d,]+ +\\d+ +[1-9]");
        assertThat(demo.output().split("verify ✔ scenario suite").length - 1)
                .as("the scenario suite passed after every step that moved traffic or ownership, and after the "
                        + "rollback").isGreaterThanOrEqualTo(12);
        String journal = Files.readString(stack.state().resolve("journal/members-and-orders.md"));
        assertThat(journal).contains("members-write-cutover · verify: passed", "orders-write-cutover · rollback: done",
                "drain the change feed");

        Path report = directory.resolve("compare-http.md");
        KitTestStack.KitRun compare = stack.kit("compare", "http",
                "--legacy", "http://127.0.0.1:" + stack.environment().get("MONOLITH_PORT"),
                "--candidate", "http://127.0.0.1:" + stack.environment().get("PROXY_PORT"),
                "--report", report.toString());
        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(compare.output()).contains("5 scenarios, ", " 0 differing, 0 not compared", "identical; report: ");
    }

    @Test
    @Order(6)
    void everyMetricTheDashboardAndTheAlertsUseIsExposedAndStatusShowsTheFigures() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (String port : List.of("PROXY_ADMIN_PORT", "CDC_BRIDGE_PORT", "MEMBER_SERVICE_PORT", "ORDER_SERVICE_PORT",
                "MONOLITH_PORT")) {
            String url = "http://127.0.0.1:" + stack.environment().get(port) + "/actuator/prometheus";
            exposed.addAll(PrometheusScrape.of(url).orElseThrow(() -> new AssertionError("no metrics at " + url))
                    .names());
        }
        Path observability = KitTestStack.REPOSITORY.resolve("deploy/observability");
        List<String> expressions = new ArrayList<>();
        JsonMapper.builder().build().readTree(observability.resolve("grafana/strangler-migration.json").toFile())
                .findValues("expr").forEach(expr -> expressions.add(expr.asString()));
        YAMLMapper.builder().build().readTree(observability.resolve("prometheus/alerts.yml").toFile())
                .findValues("expr").forEach(expr -> expressions.add(expr.asString()));

        Set<String> used = MetricNames.in(expressions);
        assertThat(used).as("metrics the dashboard and the alerts use").hasSizeGreaterThan(15);
        assertThat(exposed).as("what the running parts expose").containsAll(used);

        KitTestStack.KitRun status = stack.kit("status");
        assertThat(status.output())
                .containsPattern("strangler-proxy: +[\\d,]+ requests, [\\d.]+ % 5xx, [1-9][\\d,]* extracted")
                .containsPattern("cdc-bridge: +[1-9][\\d,]* change events, worst lag [\\d,]+ ms")
                .containsPattern("extracted-member-service: +[1-9][\\d,]* rows applied from the change feed");
        assertThat(Files.readString(stack.state().resolve("metrics/playbook-members-and-orders.prom")))
                .as("the journal's outcomes for a textfile collector")
                .contains("kit_playbook_phase_passed{playbook=\"members-and-orders\",step=\"orders-write-cutover\","
                        + "phase=\"verify\"} 1");
    }

    @Test
    @Order(7)
    void oneTraceFollowsAWriteThroughTheProxyTheServiceAndTheReversePath() throws Exception {
        // After the demo the member service owns member writes and the reverse path carries them to the monolith.
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String login = "traced-" + traceId.substring(0, 8);
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + stack.environment().get("PROXY_PORT") + "/api/members"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"loginId\":\"" + login + "\",\"name\":\"추적\","
                        + "\"email\":\"" + login + "@example.com\",\"phone\":\"010-1234-5678\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(traces.spans().stream().filter(span -> span.traceId().equals(traceId))
                        .map(OtlpReceiver.ReceivedSpan::service).distinct())
                        .as("the services with a span in the client's trace")
                        .contains("strangler-proxy", "extracted-member-service", "cdc-bridge"));
        assertThat(traces.spans()).filteredOn(span -> span.traceId().equals(traceId))
                .anyMatch(span -> span.service().equals("cdc-bridge") && span.kind().equals("SPAN_KIND_CONSUMER"));
        assertThat(traces.spans()).filteredOn(span -> span.traceId().equals(traceId))
                .as("the service's JDBC statements are spans of the same trace")
                .anyMatch(span -> span.service().equals("extracted-member-service") && span.name().equals("query"));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String route(String name) throws Exception {
        String token = Files.readString(stack.state().resolve("run/proxy-admin.token")).trim();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + stack.environment().get("PROXY_ADMIN_PORT") + "/admin/routes/" + name))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
