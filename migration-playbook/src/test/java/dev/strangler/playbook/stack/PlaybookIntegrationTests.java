package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playbook on the whole stack: gates that refuse without evidence change nothing; then the whole demo migration
 * (members, then orders, both write cut-overs, a rollback of the last one and its second application) under a
 * background load that uses the whole contract, with the monolith's scenario suite through the proxy after every
 * step; and afterwards the migrated system answers every scenario as the monolith does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaybookIntegrationTests {

    private static final KitTestStack stack = new KitTestStack("kit-playbook-test");

    @TempDir
    Path directory;

    @BeforeAll
    static void up() throws Exception {
        KitTestStack.KitRun up = stack.kit("up", "--detach", "--timeout", "300");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(stack.kit("seed", "--members", "300", "--orders", "300").exitCode()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        stack.kit("down");
    }

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
    @Order(4)
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

    private static String route(String name) throws Exception {
        String token = Files.readString(stack.state().resolve("run/proxy-admin.token")).trim();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + stack.environment().get("PROXY_ADMIN_PORT") + "/admin/routes/" + name))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
