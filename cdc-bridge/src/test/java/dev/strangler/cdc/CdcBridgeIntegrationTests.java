package dev.strangler.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CdcBridgeIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.settings().kafkaBootstrapServers());
    }

    @Test
    void reportsHealthyOverHttp() {
        String health = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class);

        assertThat(health).contains("\"status\":\"UP\"");
    }
}
