package dev.strangler.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.InfraSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The whole application, configured only through its properties, against the real database and broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CdcBridgeIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfraSettings infra = LegacySchema.ensure();
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("kit.cdc.source.port", infra::databasePort);
        registry.add("kit.cdc.source.server-id", () -> 7001);
        registry.add("kit.cdc.source.topic-prefix", () -> "app");
        registry.add("kit.cdc.storage.directory", () -> Path.of("target", "cdc-app-test").toAbsolutePath().toString());
    }

    @Test
    void reportsHealthyOverHttp() {
        String health = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class);

        assertThat(health).contains("\"status\":\"UP\"");
    }
}
