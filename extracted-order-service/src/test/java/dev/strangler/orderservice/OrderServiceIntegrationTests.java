package dev.strangler.orderservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Health, and the service's account: its own database only. */
class OrderServiceIntegrationTests extends OrderServiceIntegrationTest {

    @Test
    void reportsHealthyOverHttp() {
        String health = RestClient.create("http://127.0.0.1:" + port).get().uri("/actuator/health")
                .retrieve().body(String.class);

        assertThat(health).contains("\"status\":\"UP\"");
    }

    @Test
    void usesItsOwnDatabaseWithItsOwnAccount() {
        InfraSettings infra = SharedInfrastructure.settings();

        assertThat(jdbc.sql("SELECT DATABASE()").query(String.class).single()).isEqualTo(infra.order().database());
        assertThat(jdbc.sql("SELECT CURRENT_USER()").query(String.class).single()).startsWith(infra.order().user() + "@");
    }

    @Test
    void itsAccountIsDeniedOnTheLegacyDatabase() {
        InfraSettings infra = SharedInfrastructure.settings();

        assertThatThrownBy(() -> DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.order().user(), infra.order().password()).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM " + infra.legacy().database() + ".TB_PRODUCT")
                .query(Long.class).single())
                .rootCause().hasMessageContaining("denied");
    }
}
