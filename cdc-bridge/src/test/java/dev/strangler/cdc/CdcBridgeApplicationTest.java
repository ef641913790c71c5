package dev.strangler.cdc;

import dev.strangler.infra.InfraSettings;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridge application on the shared database and broker. Test classes extend this so they share one application
 * context: two bridges with the same replica server id would push each other off the binlog.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CdcBridgeApplicationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /** The kit's operator token (PROXY_ADMIN_TOKEN under 'kit up'), named 'kit'. */
    protected static final String OPERATOR_TOKEN = "test-operations-token-0123456789";
    /** Named control tokens: an operator whose name the audit shows, and a viewer. */
    protected static final String ALICE_TOKEN = "test-alice-operator-0123456789";
    protected static final String VIEWER_TOKEN = "test-viewer-token-0123456789";
    protected static final Path STORAGE = Path.of("target", "cdc-app-test-" + UUID.randomUUID()).toAbsolutePath();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfraSettings infra = LegacySchema.ensure();
        OutboxTables.ensure(infra);
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.datasource.url", () -> infra.jdbcUrl(infra.legacy().database()));
        registry.add("kit.cdc.source.port", infra::databasePort);
        registry.add("kit.cdc.source.server-id", () -> 7001);
        registry.add("kit.cdc.outbox.server-id", () -> 7002);
        registry.add("kit.cdc.source.topic-prefix", () -> "app");
        registry.add("kit.cdc.storage.directory", STORAGE::toString);
        // service-support is on this test classpath to read events as the services do, not to make a service.
        registry.add("kit.service.enabled", () -> false);
        registry.add("kit.cdc.operations.token", () -> OPERATOR_TOKEN);
        registry.add("kit.control.tokens[0].name", () -> "alice");
        registry.add("kit.control.tokens[0].token", () -> ALICE_TOKEN);
        registry.add("kit.control.tokens[0].role", () -> "OPERATOR");
        registry.add("kit.control.tokens[1].name", () -> "dashboard");
        registry.add("kit.control.tokens[1].token", () -> VIEWER_TOKEN);
        registry.add("kit.control.tokens[1].role", () -> "VIEWER");
    }

    /** A client with the operator token, as the kit's commands call the operations API. */
    protected RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + OPERATOR_TOKEN).build();
    }

    /** A client with no token at all. */
    protected RestClient anonymous() {
        return RestClient.create("http://127.0.0.1:" + port);
    }
}
