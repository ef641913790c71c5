package dev.strangler.orderservice;

import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.orderservice.support.CrashingPlacementHooks;
import dev.strangler.orderservice.support.InProcessMonolith;
import dev.strangler.service.ownership.OwnershipMode;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
 * The service on a random port over the shared embedded MariaDB and Kafka, with the monolith in-process for its
 * stock API. Every integration test extends this class, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OrderServiceIntegrationTest.Hooks.class)
public abstract class OrderServiceIntegrationTest {

    protected static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private static JdbcClient legacyDb;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected CrashingPlacementHooks crashes;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @TestConfiguration(proxyBeanMethods = false)
    static class Hooks {
        @Bean
        CrashingPlacementHooks crashingPlacementHooks() {
            return new CrashingPlacementHooks();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfraSettings infra = SharedInfrastructure.settings();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl(infra.order().database()));
        registry.add("spring.datasource.username", () -> infra.order().user());
        registry.add("spring.datasource.password", () -> infra.order().password());
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("kit.ownership.admin-token", () -> ADMIN_TOKEN);
        registry.add("kit.order.stock.legacy-url", InProcessMonolith::url);
    }

    /** The test stands in for the CDC bridge and the monolith's operators: it may read legacy_db. */
    protected static synchronized JdbcClient legacyDb() {
        if (legacyDb == null) {
            InfraSettings infra = SharedInfrastructure.settings();
            DataSource dataSource = DataSourceBuilder.create().url(infra.jdbcUrl(infra.legacy().database()))
                    .username(infra.legacy().user()).password(infra.legacy().password()).build();
            legacyDb = JdbcClient.create(dataSource);
        }
        return legacyDb;
    }

    /** A client that returns 4xx and 5xx responses instead of throwing, so tests can read problem bodies. */
    protected RestClient http() {
        return client("http://127.0.0.1:" + port);
    }

    protected static RestClient monolith() {
        return client(InProcessMonolith.url());
    }

    private static RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl)
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
