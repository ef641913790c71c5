package dev.strangler.memberservice;

import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.service.ownership.OwnershipMode;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The service on a random port over the shared embedded MariaDB and Kafka. Every integration test extends this
 * class, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MemberServiceIntegrationTest {

    protected static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    /** A named control token with the viewer role: it reads the admin API and changes nothing. */
    protected static final String VIEWER_TOKEN = "test-viewer-token-0123456789";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfraSettings infra = SharedInfrastructure.settings();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl(infra.member().database()));
        registry.add("spring.datasource.username", () -> infra.member().user());
        registry.add("spring.datasource.password", () -> infra.member().password());
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("kit.ownership.admin-token", () -> ADMIN_TOKEN);
        registry.add("kit.control.tokens[0].name", () -> "dashboard");
        registry.add("kit.control.tokens[0].token", () -> VIEWER_TOKEN);
        registry.add("kit.control.tokens[0].role", () -> "VIEWER");
        registry.add("kit.backfill.legacy-url", () -> infra.jdbcUrl(infra.legacy().database()));
        registry.add("kit.backfill.legacy-username", () -> infra.legacy().user());
        registry.add("kit.backfill.legacy-password", () -> infra.legacy().password());
    }

    /** A client that returns 4xx and 5xx responses instead of throwing, so tests can read problem bodies. */
    protected RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    protected void ownership(OwnershipMode mode) {
        http().put().uri("/admin/ownership").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN)
                .body(Map.of("mode", mode.name(), "reason", "test " + getClass().getSimpleName()))
                .retrieve().toBodilessEntity();
    }

    protected void send(String topic, String key, String value) {
        kafka.send(topic, key, value).join();
    }

    /**
     * Sends with the listener paused, so that everything sent reaches it in one poll, that is one batch: a paused
     * consumer fetches nothing, and the first fetch after the resume returns all of it.
     */
    protected void inOneBatch(String listenerId, Runnable sends) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        container.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(container::isContainerPaused);
            sends.run();
        } finally {
            container.resume();
        }
    }
}
