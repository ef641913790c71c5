package dev.strangler.cdc;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** The monolith's own Flyway migrations, applied to the shared test database once per JVM. */
public final class LegacySchema {

    private static boolean applied;

    private LegacySchema() {
    }

    public static synchronized InfraSettings ensure() {
        InfraSettings infra = SharedInfrastructure.settings();
        if (!applied) {
            Flyway.configure()
                    .dataSource(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(), infra.legacy().password())
                    .locations("filesystem:../legacy-monolith/src/main/resources/db/migration")
                    .load()
                    .migrate();
            applied = true;
        }
        return infra;
    }

    /** One statement on the legacy schema, with the monolith's account. */
    public static void execute(String sql) throws SQLException {
        InfraSettings infra = ensure();
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
