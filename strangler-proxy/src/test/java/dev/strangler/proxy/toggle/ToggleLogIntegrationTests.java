package dev.strangler.proxy.toggle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.proxy.StranglerProxyApplication;
import dev.strangler.proxy.support.TestBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Whole proxy processes' worth of behaviour, with the shipped route table: several instances on one toggle log
 * converge within a second, the state survives a restart, and a proxy without an admin token does not start.
 */
class ToggleLogIntegrationTests {

    private static final String TOKEN = "toggle-log-test-token-0123456789";
    private static final TestBackend LEGACY = new TestBackend("legacy");
    private static final TestBackend MEMBERS = new TestBackend("members");
    private static final TestBackend ORDERS = new TestBackend("orders");

    private final String topic = "strangler.proxy.toggles.restart-" + UUID.randomUUID();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopProxies() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @AfterAll
    static void stopBackends() {
        LEGACY.close();
        MEMBERS.close();
        ORDERS.close();
    }

    @Test
    void instancesConvergeWithinOneSecondAndTheStateSurvivesARestart() {
        ConfigurableApplicationContext first = start(TOKEN);
        ConfigurableApplicationContext second = start(TOKEN);
        assertThat(side(second, "/api/members/7")).isEqualTo("legacy");

        flip(first, "members-read", "EXTRACTED");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> side(second, "/api/members/7").equals("members"));
        flip(second, "orders-read", "CANARY", "\"percent\":100,");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> side(first, "/api/members/7/orders").equals("orders"));

        first.close();
        second.close();
        ConfigurableApplicationContext restarted = start(TOKEN);

        // The shipped table: reading a member's orders belongs to orders-read, reading the member to members-read.
        assertThat(side(restarted, "/api/members/7")).isEqualTo("members");
        assertThat(side(restarted, "/api/members/7/orders")).isEqualTo("orders");
        assertThat(side(restarted, "/api/products/1")).isEqualTo("legacy");
        admin(restarted).get().uri("/admin/routes/orders-read/flips").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].toMode").isEqualTo("CANARY")
                .jsonPath("$[0].toPercent").isEqualTo(100.0)
                .jsonPath("$[0].reason").isEqualTo("restart test");
    }

    @Test
    void refusesToStartWithoutAnAdminToken() {
        assertThatThrownBy(() -> start(""))
                .rootCause().hasMessageContaining("PROXY_ADMIN_TOKEN");
        assertThatThrownBy(() -> start("short"))
                .rootCause().hasMessageContaining("PROXY_ADMIN_TOKEN");
    }

    private ConfigurableApplicationContext start(String token) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StranglerProxyApplication.class, SeparateReactorResources.class).run(
                "--server.port=0", "--management.server.port=0",
                "--LEGACY_URL=" + LEGACY.url(), "--MEMBER_SERVICE_URL=" + MEMBERS.url(),
                "--ORDER_SERVICE_URL=" + ORDERS.url(),
                "--spring.kafka.bootstrap-servers=" + SharedInfrastructure.settings().kafkaBootstrapServers(),
                "--strangler.proxy.toggles.topic=" + topic, "--strangler.proxy.admin.token=" + token);
        running.add(context);
        return context;
    }

    private static String side(ConfigurableApplicationContext proxy, String path) {
        String port = proxy.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build().get().uri(path).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseHeaders().getFirst("X-Backend");
    }

    private static WebTestClient admin(ConfigurableApplicationContext proxy) {
        String port = proxy.getEnvironment().getProperty("local.management.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).build();
    }

    private static void flip(ConfigurableApplicationContext proxy, String route, String mode) {
        flip(proxy, route, mode, "");
    }

    private static void flip(ConfigurableApplicationContext proxy, String route, String mode, String extra) {
        admin(proxy).post().uri("/admin/routes/{name}/flips", route)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue("{\"mode\":\"" + mode + "\"," + extra + "\"reason\":\"restart test\",\"by\":\"tests\"}")
                .exchange().expectStatus().isOk()
                .expectBody();
    }
}
