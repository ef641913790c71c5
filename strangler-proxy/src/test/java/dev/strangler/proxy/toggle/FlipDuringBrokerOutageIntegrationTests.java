package dev.strangler.proxy.toggle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.kafka.EmbeddedKafkaBroker;
import dev.strangler.proxy.StranglerProxyApplication;
import dev.strangler.proxy.route.Mode;
import dev.strangler.proxy.support.TestBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A flip is applied or refused, never "maybe": with the toggle log's broker away, a flip is refused within the
 * write timeout while traffic flows on; once the broker is back, the route is exactly as the answer said, on this
 * instance and on a new one that reads the whole log. A record the broker appends after its deadline never counts,
 * and its writer puts a correction after it, so compaction cannot leave it as the route's only record.
 */
class FlipDuringBrokerOutageIntegrationTests {

    private static final String TOKEN = "outage-test-token-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);
    private static final TestBackend LEGACY = new TestBackend("legacy");
    private static final TestBackend MEMBERS = new TestBackend("members");
    private static final TestBackend ORDERS = new TestBackend("orders");
    private static final int KAFKA_PORT = freePort();
    private static final int CONTROLLER_PORT = freePort();
    private static Path kafkaHome;
    private static EmbeddedKafkaBroker broker;

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws IOException {
        kafkaHome = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "outage-kafka-");
        broker = new EmbeddedKafkaBroker(KAFKA_PORT, CONTROLLER_PORT, kafkaHome);
        broker.start();
    }

    @AfterEach
    void stopProxies() {
        running.forEach(ConfigurableApplicationContext::close);
        if (broker == null) {
            broker = new EmbeddedKafkaBroker(KAFKA_PORT, CONTROLLER_PORT, kafkaHome); // a test failed mid-outage
            broker.start();
        }
    }

    @AfterAll
    static void stopEverything() {
        if (broker != null) {
            broker.close();
        }
        LEGACY.close();
        MEMBERS.close();
        ORDERS.close();
    }

    @Test
    void aFlipRefusedDuringAnOutageNeverAppliesAndTrafficFlowsMeanwhile() throws Exception {
        ConfigurableApplicationContext proxy = start("outage");
        flip(proxy, "members-read", "SHADOW").expectStatus().isOk();

        broker.close();
        broker = null;
        CompletableFuture<Long> trafficDuringTheFlip = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            assertThat(side(proxy, "/api/members/7")).isEqualTo("legacy"); // SHADOW answers from the monolith
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        });
        long started = System.nanoTime();
        flip(proxy, "members-read", "EXTRACTED").expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.type").isEqualTo("https://strangler.dev/problems/toggle-log-unavailable");
        long flipMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(flipMillis).as("the refusal comes within the write timeout, plus an answer's overhead")
                .isLessThan(WRITE_TIMEOUT.toMillis() + 1500);
        assertThat(trafficDuringTheFlip.get(10, TimeUnit.SECONDS)).as("a request during the flip, in ms")
                .isLessThan(1000);
        flip(proxy, "members-read", "EXTRACTED").expectStatus().isEqualTo(503); // unsettled, or Kafka still away

        broker = new EmbeddedKafkaBroker(KAFKA_PORT, CONTROLLER_PORT, kafkaHome);
        broker.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> unresolvedRoutes(proxy).equals("[]"));

        assertThat(mode(proxy, "members-read")).isEqualTo("SHADOW");
        ConfigurableApplicationContext fresh = start("outage-fresh");
        assertThat(mode(fresh, "members-read")).as("a new instance reading the whole log").isEqualTo("SHADOW");
        assertThat(side(fresh, "/api/members/7")).isEqualTo("legacy");

        flip(proxy, "members-read", "EXTRACTED").expectStatus().isOk();
        await().atMost(Duration.ofSeconds(2)).until(() -> mode(fresh, "members-read").equals("EXTRACTED"));
    }

    @Test
    void aFlipAppendedAfterItsDeadlineIsIgnoredEverywhereAndCorrected() throws Exception {
        ConfigurableApplicationContext proxy = start("late");
        ConfigurableApplicationContext other = start("late-other");
        flip(proxy, "orders-read", "SHADOW").expectStatus().isOk();
        ToggleLog log = proxy.getBean(ToggleLog.class);
        Toggles toggles = proxy.getBean(Toggles.class);
        RouteToggle current = toggles.current("orders-read");
        Flip flip = new Flip(current.version() + 1, Instant.now(), "tests", "a flip that arrives too late",
                current.mode(), current.percent(), Mode.EXTRACTED, current.percent(), "late", false, null);
        RouteToggle late = current.next(flip, 200, null, Instant.now().minusSeconds(10));

        assertThat(log.write(late)).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().isInstanceOf(ExecutionException.class)
                .withMessageContaining("after its deadline");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> unresolvedRoutes(proxy).equals("[]"));
        for (ConfigurableApplicationContext instance : List.of(proxy, other)) {
            assertThat(mode(instance, "orders-read")).isEqualTo("SHADOW");
        }
        RouteToggle corrected = toggles.current("orders-read");
        assertThat(corrected.corrects()).as("the correction written after the late record").isNotNull();
        assertThat(corrected.lastFlip().reason()).contains("correction", "answered as refused");
        ConfigurableApplicationContext fresh = start("late-fresh");
        assertThat(mode(fresh, "orders-read")).isEqualTo("SHADOW");
    }

    private ConfigurableApplicationContext start(String instance) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StranglerProxyApplication.class,
                SeparateReactorResources.class).run(
                "--server.port=0", "--management.server.port=0",
                "--LEGACY_URL=" + LEGACY.url(), "--MEMBER_SERVICE_URL=" + MEMBERS.url(),
                "--ORDER_SERVICE_URL=" + ORDERS.url(),
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + KAFKA_PORT,
                "--strangler.proxy.toggles.topic=strangler.proxy.toggles.outage-test",
                "--strangler.proxy.toggles.write-timeout=" + WRITE_TIMEOUT.toMillis() + "ms",
                "--strangler.proxy.toggles.clock-skew=500ms",
                "--strangler.proxy.toggles.instance=" + instance,
                "--strangler.proxy.admin.token=" + TOKEN);
        running.add(context);
        return context;
    }

    private static WebTestClient.ResponseSpec flip(ConfigurableApplicationContext proxy, String route, String mode) {
        return admin(proxy).post().uri("/admin/routes/{name}/flips", route)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .bodyValue("{\"mode\":\"" + mode + "\",\"reason\":\"outage test\",\"by\":\"tests\"}")
                .exchange();
    }

    /** The route's mode as the instance's admin API shows it. */
    private static String mode(ConfigurableApplicationContext proxy, String route) {
        String body = admin(proxy).get().uri("/admin/routes/{name}", route).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body).path("mode").asString();
    }

    private static String unresolvedRoutes(ConfigurableApplicationContext proxy) {
        String body = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + proxy.getEnvironment().getProperty("local.management.port"))
                .build().get().uri("/actuator/health").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        return JSON.readTree(body).findValue("unresolvedRoutes").toString();
    }

    private static String side(ConfigurableApplicationContext proxy, String path) {
        String port = proxy.getEnvironment().getProperty("local.server.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10))
                .build().get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseHeaders().getFirst("X-Backend");
    }

    private static WebTestClient admin(ConfigurableApplicationContext proxy) {
        String port = proxy.getEnvironment().getProperty("local.management.port");
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN).build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
