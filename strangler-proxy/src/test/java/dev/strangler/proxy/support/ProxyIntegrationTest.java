package dev.strangler.proxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.testing.SharedInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One proxy (the {@code it} route table) in front of in-process backends, with its toggle log on the test JVM's
 * real Kafka broker; shared by every integration test class that extends this (Spring caches the context).
 * Toggles persist across tests, so every test sets the modes it relies on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
public abstract class ProxyIntegrationTest {

    public static final String TOKEN = "it-admin-token-0123456789abcdef";

    protected static final TestBackend LEGACY = new TestBackend("legacy");
    protected static final TestBackend MEMBERS = new TestBackend("members");
    protected static final TestBackend ORDERS = new TestBackend("orders");
    protected static final TestBackend DOOMED = new TestBackend("doomed");
    /** Two instances of one discovered service (lb://pooled-service); the instance test kills the second. */
    protected static final TestBackend POOL_A = new TestBackend("pool-a");
    protected static final TestBackend POOL_B = new TestBackend("pool-b");
    /** Instances named in static lists, and of a health-checked discovered service (lb://checked-service). */
    protected static final TestBackend LIST_A = new TestBackend("list-a");
    protected static final TestBackend LIST_B = new TestBackend("list-b");
    /** An instance nobody listens on: every connection to it is refused. */
    protected static final String REFUSING_URL = "http://127.0.0.1:" + freePort();
    /** Stands in for the CDC bridge's barriers: 200 confirms, anything else does not. */
    protected static final TestBackend BRIDGE = new TestBackend("bridge");
    protected static final int ADMIN_PORT = freePort();
    private static final String TOPIC = "strangler.proxy.toggles.it-" + UUID.randomUUID();
    /** Fresh per test JVM: a route's recording continues an existing file, and its bound counts the lines there. */
    protected static final Path RECORDINGS = temporaryDirectory();

    @LocalServerPort
    protected int trafficPort;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("LEGACY_URL", LEGACY::url);
        registry.add("MEMBER_SERVICE_URL", MEMBERS::url);
        registry.add("ORDER_SERVICE_URL", ORDERS::url);
        registry.add("DOOMED_SERVICE_URL", DOOMED::url);
        registry.add("POOL_A_URL", POOL_A::url);
        registry.add("POOL_B_URL", POOL_B::url);
        registry.add("LIST_A_URL", LIST_A::url);
        registry.add("LIST_B_URL", LIST_B::url);
        registry.add("REFUSING_URL", () -> REFUSING_URL);
        registry.add("BRIDGE_URL", BRIDGE::url);
        registry.add("management.server.port", () -> ADMIN_PORT);
        registry.add("spring.kafka.bootstrap-servers",
                () -> SharedInfrastructure.settings().kafkaBootstrapServers());
        registry.add("strangler.proxy.toggles.topic", () -> TOPIC);
        registry.add("strangler.proxy.recording.directory", RECORDINGS::toString);
    }

    @BeforeEach
    void resetBackends() {
        LEGACY.reset();
        MEMBERS.reset();
        ORDERS.reset();
        BRIDGE.reset();
        POOL_A.reset();
        POOL_B.reset();
        LIST_A.reset();
        LIST_B.reset();
    }

    protected WebTestClient traffic() {
        return client("http://127.0.0.1:" + trafficPort);
    }

    protected WebTestClient admin() {
        return client("http://127.0.0.1:" + ADMIN_PORT).mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).build();
    }

    protected static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(15)).build();
    }

    /** Flips a route through the admin API and checks the proxy took it. */
    protected void flip(String route, String mode, Double percent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode);
        if (percent != null) {
            body.put("percent", percent);
        }
        body.put("reason", "test set-up");
        body.put("by", "tests");
        admin().post().uri("/admin/routes/{name}/flips", route).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.mode").isEqualTo(mode);
    }

    protected void flip(String route, String mode) {
        flip(route, mode, null);
    }

    /** The side that answered a GET, by the backend's stamp. */
    protected String sideOf(String path) {
        String side = traffic().get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseHeaders().getFirst("X-Backend");
        assertThat(side).isNotNull();
        return side;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("proxy-recordings-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
