package dev.strangler.infra.mariadb;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import java.util.stream.Collectors;

/**
 * The SQL that gives every service its own schema and two accounts that can reach only that schema: one for its
 * Flyway migrations (DDL) and one it runs with (rows only); the monolith its schema and account; and the CDC
 * account the replication privileges Debezium needs. Idempotent, and valid on MariaDB and MySQL 8 alike, so a
 * team can run the same statements on a real server.
 *
 * <p>The kit's own bookkeeping lives in a schema of its own, so the monolith's schema stays as its migrations left
 * it: {@value #SIGNAL_TABLE}, where the CDC bridge asks Debezium for a re-snapshot and Debezium writes its snapshot
 * watermarks (the one table the CDC account may write), and {@value #ECHO_MARKER_TABLE}, which the reverse path
 * writes, as the legacy account, in the same transaction as its changes to the legacy tables, so that the forward
 * path recognises that transaction as its own echo (and tags its changes as such), and {@value #WATERMARK_TABLE},
 * one row the bridge updates for a barrier: every CDC engine captures it, so its change marks a point in each
 * engine's stream.
 */
public final class DatabaseBootstrap {

    public static final String SIGNAL_TABLE = "KIT_CDC_SIGNAL";
    public static final String ECHO_MARKER_TABLE = "KIT_CDC_ECHO_MARKER";
    public static final String WATERMARK_TABLE = "KIT_CDC_WATERMARK";

    /** What a service's run-time account may do: rows only, so a bug or an injection cannot change the schema. */
    public static final String RUNTIME_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE";
    /** What a service's Flyway needs on its own schema: the run-time rights plus DDL (and its history table). */
    public static final String MIGRATION_PRIVILEGES = RUNTIME_PRIVILEGES + ", CREATE, ALTER, DROP, INDEX, REFERENCES";

    private DatabaseBootstrap() {
    }

    public static String sql(InfraSettings settings) {
        StringBuilder sql = new StringBuilder();
        for (DatabaseAccount account : settings.serviceAccounts()) {
            sql.append("CREATE DATABASE IF NOT EXISTS ").append(identifier(account.database()))
                    .append(" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
            user(sql, account);
            // The monolith keeps the account it has always had: it migrates its own schema at start-up, as a team's
            // monolith does with whatever rights its own tools need. The services' accounts are the kit's to cut.
            String privileges = account.equals(settings.legacy()) ? "ALL PRIVILEGES" : RUNTIME_PRIVILEGES;
            grant(sql, privileges, account);
        }
        for (DatabaseAccount migration : settings.migrationAccounts()) {
            user(sql, migration);
            grant(sql, MIGRATION_PRIVILEGES, migration);
        }
        DatabaseAccount cdc = settings.cdc();
        user(sql, cdc);
        sql.append("GRANT REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO ").append(principal(cdc)).append(";\n");
        sql.append(settings.serviceAccounts().stream()
                .map(account -> "GRANT SELECT ON " + identifier(account.database()) + ".* TO " + principal(cdc) + ";\n")
                .collect(Collectors.joining()));
        String kit = identifier(settings.kitDatabase());
        sql.append("CREATE DATABASE IF NOT EXISTS ").append(kit).append(" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n");
        sql.append("CREATE TABLE IF NOT EXISTS ").append(kit).append('.').append(SIGNAL_TABLE)
                .append(" (id VARCHAR(64) NOT NULL PRIMARY KEY, type VARCHAR(32) NOT NULL, data TEXT NULL)")
                .append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
        sql.append("CREATE TABLE IF NOT EXISTS ").append(kit).append('.').append(ECHO_MARKER_TABLE)
                .append(" (ID BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, SOURCE_EVENT_ID VARCHAR(64) NOT NULL,")
                .append(" WRITTEN_AT DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),")
                // Unique: the marker is also the reverse path's record of applied events, so a replay is a no-op.
                .append(" UNIQUE KEY UK_ECHO_SOURCE_EVENT (SOURCE_EVENT_ID))")
                .append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
        sql.append("CREATE TABLE IF NOT EXISTS ").append(kit).append('.').append(WATERMARK_TABLE)
                .append(" (ID INT NOT NULL PRIMARY KEY, SEQ BIGINT NOT NULL, WRITTEN_AT DATETIME(3) NOT NULL)")
                .append(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n");
        sql.append("GRANT SELECT ON ").append(kit).append(".* TO ").append(principal(cdc)).append(";\n");
        sql.append("GRANT INSERT, UPDATE, DELETE ON ").append(kit).append('.').append(SIGNAL_TABLE).append(" TO ")
                .append(principal(cdc)).append(";\n");
        // The bridge writes both with the legacy account it applies the reverse path with; DELETE prunes markers.
        sql.append("GRANT SELECT, INSERT, DELETE ON ").append(kit).append('.').append(ECHO_MARKER_TABLE).append(" TO ")
                .append(principal(settings.legacy())).append(";\n");
        sql.append("GRANT SELECT, INSERT, UPDATE ON ").append(kit).append('.').append(WATERMARK_TABLE).append(" TO ")
                .append(principal(settings.legacy())).append(";\n");
        sql.append("FLUSH PRIVILEGES;\n");
        return sql.toString();
    }

    private static void user(StringBuilder sql, DatabaseAccount account) {
        sql.append("CREATE USER IF NOT EXISTS ").append(principal(account)).append(" IDENTIFIED BY ")
                .append(literal(account.password())).append(";\n");
        // A changed password in the environment must win over the one stored by an earlier start.
        sql.append("ALTER USER ").append(principal(account)).append(" IDENTIFIED BY ")
                .append(literal(account.password())).append(";\n");
        // The grants below are the account's only ones, also on a server an earlier version gave more (the services'
        // accounts held ALL PRIVILEGES before Flyway got accounts of its own).
        sql.append("REVOKE ALL PRIVILEGES, GRANT OPTION FROM ").append(principal(account)).append(";\n");
    }

    private static void grant(StringBuilder sql, String privileges, DatabaseAccount account) {
        sql.append("GRANT ").append(privileges).append(" ON ").append(identifier(account.database())).append(".* TO ")
                .append(principal(account)).append(";\n");
    }

    private static String principal(DatabaseAccount account) {
        return literal(account.user()) + "@'%'";
    }

    static String identifier(String name) {
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database name '" + name + "' must be 1-64 letters, digits or '_'");
        }
        return "`" + name + "`";
    }

    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
