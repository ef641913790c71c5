package dev.strangler.cdc;

import dev.strangler.infra.InfraSettings;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
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
    }

    protected RestClient http() {
        return RestClient.create("http://127.0.0.1:" + port);
    }
}
