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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo playbook's first steps on the whole stack: gates measured, routes flipped through the proxy's admin API,
 * progress kept, the journal written, the last step rolled back; a failed gate changes nothing.
 */
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
    void appliesStepsOnEvidenceAndRollsBackTheLast() throws Exception {
        KitTestStack.KitRun backfilled = playbook("next");
        assertThat(backfilled.exitCode()).as(backfilled.output()).isZero();
        assertThat(backfilled.output()).contains("members-backfilled", "✔ reconciliation of members", "applied");

        KitTestStack.KitRun shadow = playbook("next");
        assertThat(shadow.exitCode()).as(shadow.output()).isZero();
        assertThat(route("members-read")).contains("\"mode\":\"SHADOW\"");

        for (int member = 1; member <= 40; member++) {
            assertThat(get("/api/members/" + member).statusCode()).isEqualTo(200);
        }
        KitTestStack.KitRun canary = playbook("next");
        assertThat(canary.exitCode()).as(canary.output()).isZero();
        assertThat(canary.output()).contains("✔ shadow parity of members-read");
        assertThat(route("members-read")).contains("\"mode\":\"CANARY\"");

        KitTestStack.KitRun status = playbook("status");
        assertThat(status.output()).contains("3 of 12 steps applied", "next: members-canary-50");

        KitTestStack.KitRun rollback = playbook("rollback");
        assertThat(rollback.exitCode()).as(rollback.output()).isZero();
        assertThat(route("members-read")).contains("\"mode\":\"SHADOW\"");
        assertThat(playbook("status").output()).contains("2 of 12 steps applied");

        String journal = Files.readString(stack.state().resolve("journal/members-and-orders.md"));
        assertThat(journal).contains("members-shadow · gates: passed", "differences: 0",
                "members-canary-10 · rollback: done");
    }

    @Test
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
    void compareHttpFindsTheProxyAnsweringEveryScenarioAsTheMonolithDoes() throws Exception {
        // Writes stay with the monolith in every state these tests leave, and reads in SHADOW get its answer too.
        Path report = directory.resolve("compare-http.md");
        KitTestStack.KitRun compare = stack.kit("compare", "http",
                "--legacy", "http://127.0.0.1:" + stack.environment().get("MONOLITH_PORT"),
                "--candidate", "http://127.0.0.1:" + stack.environment().get("PROXY_PORT"),
                "--report", report.toString());

        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(compare.output()).contains("5 scenarios, ", " 0 differing, 0 not compared", "identical; report: ");
        assertThat(Files.readString(report)).contains("**Identical. ");
    }

    private KitTestStack.KitRun playbook(String verb) throws Exception {
        return stack.kit("playbook", verb);
    }

    private static String route(String name) throws Exception {
        String token = Files.readString(stack.state().resolve("run/proxy-admin.token")).trim();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + stack.environment().get("PROXY_ADMIN_PORT") + "/admin/routes/" + name))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + stack.environment().get("PROXY_PORT") + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
