package dev.strangler.memberservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** Health, and the service's accounts: its own database only, and no DDL at run time. */
class MemberServiceIntegrationTests extends MemberServiceIntegrationTest {

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

    @Test
    void flywayMigratedWithItsOwnAccountWhileTheRunTimeAccountCannotChangeTheSchema() {
        InfraSettings infra = SharedInfrastructure.settings();

        assertThat(jdbc.sql("SELECT DISTINCT installed_by FROM flyway_schema_history").query(String.class).list())
                .containsExactly(infra.memberMigration().user());
        assertThatThrownBy(() -> jdbc.sql("CREATE TABLE RUNTIME_DDL (id INT PRIMARY KEY)").update())
                .rootCause().hasMessageContaining("CREATE command denied to user '" + infra.member().user() + "'");
        assertThatThrownBy(() -> jdbc.sql("DROP TABLE MEMBER").update())
                .rootCause().hasMessageContaining("DROP command denied to user '" + infra.member().user() + "'");
    }

    @Test
    void itsAccountIsDeniedOnTheLegacyDatabase() {
        InfraSettings infra = SharedInfrastructure.settings();

        assertThatThrownBy(() -> DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.member().user(), infra.member().password()).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        assertThatThrownBy(() -> jdbc.sql("SELECT COUNT(*) FROM " + infra.legacy().database() + ".TB_MEMBER")
                .query(Long.class).single())
                .rootCause().hasMessageContaining("denied");
    }
}
