package dev.strangler.memberservice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The service on the real embedded MariaDB and Kafka, with its own account. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberServiceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        InfraSettings infra = SharedInfrastructure.settings();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl(infra.member().database()));
        registry.add("spring.datasource.username", () -> infra.member().user());
        registry.add("spring.datasource.password", () -> infra.member().password());
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
    }

    @Test
    void reportsHealthyOverHttp() {
        String health = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class);

        assertThat(health).contains("\"status\":\"UP\"");
    }

    @Test
    void usesItsOwnDatabaseWithItsOwnAccount() {
        InfraSettings infra = SharedInfrastructure.settings();

        assertThat(jdbc.sql("SELECT DATABASE()").query(String.class).single()).isEqualTo(infra.member().database());
        assertThat(jdbc.sql("SELECT CURRENT_USER()").query(String.class).single()).startsWith(infra.member().user() + "@");
    }
}
