package dev.strangler.infra.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.infra.InfraSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseBootstrapTests {

    @Test
    void grantsEachServiceItsOwnDatabaseOnly() {
        String sql = DatabaseBootstrap.sql(InfraSettings.fromEnvironment(Map.of()));

        assertThat(sql).contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `member_db`.* TO 'member_svc'@'%';")
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON `member_db`.*"
                        + " TO 'member_migrator'@'%';")
                .contains("GRANT SELECT, INSERT, UPDATE, DELETE ON `order_db`.* TO 'order_svc'@'%';")
                .contains("GRANT ALL PRIVILEGES ON `legacy_db`.* TO 'legacy_app'@'%';")
                .contains("GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO 'kit_cdc'@'%';")
                .doesNotContain("ON *.* TO 'member_svc'")
                .doesNotContain("ALL PRIVILEGES ON `member_db`")
                // An account an earlier version gave ALL PRIVILEGES loses them on the next start.
                .contains("REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'member_svc'@'%';");
    }

    @Test
    void letsTheCdcAccountWriteOnlyTheSignalTableAndTheLegacyAccountTheBridgesBookkeeping() {
        String sql = DatabaseBootstrap.sql(InfraSettings.fromEnvironment(Map.of()));

        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS `kit_db`.KIT_CDC_SIGNAL")
                .contains("CREATE TABLE IF NOT EXISTS `kit_db`.KIT_CDC_ECHO_MARKER")
                .contains("GRANT INSERT, UPDATE, DELETE ON `kit_db`.KIT_CDC_SIGNAL TO 'kit_cdc'@'%';")
                .contains("CREATE TABLE IF NOT EXISTS `kit_db`.KIT_CDC_WATERMARK")
                .contains("GRANT SELECT, INSERT, DELETE ON `kit_db`.KIT_CDC_ECHO_MARKER TO 'legacy_app'@'%';")
                .contains("GRANT SELECT, INSERT, UPDATE ON `kit_db`.KIT_CDC_WATERMARK TO 'legacy_app'@'%';")
                .doesNotContain("GRANT INSERT, UPDATE, DELETE ON `legacy_db`")
                .doesNotContain("KIT_CDC_SIGNAL TO 'legacy_app'");
    }

    @Test
    void takesNamesAndPasswordsFromTheEnvironment() {
        String sql = DatabaseBootstrap.sql(InfraSettings.fromEnvironment(
                Map.of("MEMBER_DB_NAME", "members", "MEMBER_DB_PASSWORD", "it's",
                        "MEMBER_DB_MIGRATION_USER", "members_ddl", "MEMBER_DB_MIGRATION_PASSWORD", "ddl")));

        assertThat(sql).contains("CREATE DATABASE IF NOT EXISTS `members`").contains("IDENTIFIED BY 'it''s'")
                .contains("CREATE USER IF NOT EXISTS 'members_ddl'@'%' IDENTIFIED BY 'ddl';")
                .contains("REFERENCES ON `members`.* TO 'members_ddl'@'%';");
    }

    @Test
    void refusesADatabaseNameThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> DatabaseBootstrap.sql(InfraSettings.fromEnvironment(
                Map.of("ORDER_DB_NAME", "orders; DROP DATABASE x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders; DROP DATABASE x");
    }

    @Test
    void namesTheVariableOfABadPort() {
        assertThatThrownBy(() -> InfraSettings.fromEnvironment(Map.of("KIT_DB_PORT", "abc")))
                .hasMessage("KIT_DB_PORT must be a port number from 1 to 65535, but was 'abc'");
    }
}
