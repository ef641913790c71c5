package dev.strangler.cdc;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The services' outbox tables, in the shape the reverse path reads (see the bridge's README), once per JVM. */
public final class OutboxTables {

    public static final String DDL = """
            CREATE TABLE IF NOT EXISTS OUTBOX_EVENT (
                seq           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
                id            CHAR(36)     NOT NULL,
                aggregatetype VARCHAR(64)  NOT NULL,
                aggregateid   VARCHAR(64)  NOT NULL,
                type          VARCHAR(64)  NOT NULL,
                payload       LONGTEXT     NOT NULL,
                timestamp     DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                UNIQUE KEY UK_OUTBOX_EVENT_ID (id)
            ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4""";

    private static boolean created;

    private OutboxTables() {
    }

    public static synchronized void ensure(InfraSettings infra) {
        if (created) {
            return;
        }
        // With the accounts the services' Flyway migrates with: their run-time accounts have no DDL rights.
        for (DatabaseAccount account : infra.migrationAccounts()) {
            try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(account.database()), account.user(),
                    account.password()); Statement statement = connection.createStatement()) {
                statement.execute(DDL);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        created = true;
    }
}
