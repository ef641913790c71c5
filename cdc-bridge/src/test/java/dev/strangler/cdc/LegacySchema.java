package dev.strangler.cdc;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
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
}
