package dev.strangler.playbook.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * Creates the monolith's schema the way its Flyway migration does, from the same SQL file, so the seeder is
 * tested against the real tables without a dependency on the monolith module.
 */
final class LegacySchema {

    static final Path MIGRATION = Path.of("../legacy-monolith/src/main/resources/db/migration/V1__legacy_schema.sql");

    private LegacySchema() {
    }

    static synchronized void createIfMissing(Connection connection) throws SQLException, IOException {
        try {
            LegacySeeder.requireSchema(connection);
            return;
        } catch (IllegalStateException missing) {
            // Created below, once per test JVM.
        }
        String sql = Files.readAllLines(MIGRATION).stream()
                .filter(line -> !line.trim().startsWith("--"))
                .collect(Collectors.joining("\n"));
        try (Statement statement = connection.createStatement()) {
            for (String ddl : sql.split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
        }
    }
}
