package dev.strangler.monolith;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The monolith on a random port over the shared embedded MariaDB. Every integration test extends this class, so
 * they share one application context (same property source methods, same cache key) and one Flyway run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MonolithIntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void legacyDatabase(DynamicPropertyRegistry registry) {
        InfraSettings settings = SharedInfrastructure.settings();
        registry.add("spring.datasource.url", () -> settings.jdbcUrl(settings.legacy().database()));
        registry.add("spring.datasource.username", () -> settings.legacy().user());
        registry.add("spring.datasource.password", () -> settings.legacy().password());
    }

    /** A client that returns 4xx and 5xx responses instead of throwing, so tests can read problem bodies. */
    protected RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** A login id no other test (or earlier run on the same database) uses. */
    protected static String uniqueLoginId(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime(), 36) + RANDOM.nextInt(1000);
    }
}
