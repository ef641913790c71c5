package dev.strangler.playbook.init;

import java.util.stream.Collectors;

/** {@code NEXT-STEPS.md}: what the team edits, and the kit commands that take the migration from here. */
final class NextStepsTemplate {

    private NextStepsTemplate() {
    }

    static String render(StarterPlan plan, String out) {
        String prefix = plan.environmentPrefix();
        String routes = plan.routes().stream().map(route -> "`" + route.prefix() + "`").collect(Collectors.joining(", "));
        String first = plan.routes().get(0).readRoute();
        String noVersion = plan.tables().stream().filter(table -> table.version() == null).map(LegacyTable::name)
                .collect(Collectors.joining(", "));
        return """
                # Next steps for the %1$s service

                `kit init` read %2$s (schema `%3$s`, %4$d tables) and wrote these starting points. Nothing runs yet.

                1. **Read and edit.** Every column is copied one to one under its snake_case name. Translate codes
                   (`values:` in `service-changefeed.yml` and in the playbook's `contexts`), rename what the new model
                   names differently (in all three places: the migration, the change feed, the context), and check
                   the version columns%5$s.
                2. **The service.** Copy `%6$s` to the service's `src/main/resources/db/migration/` and the
                   `kit.service.changefeed` block of `service-changefeed.yml` into its `application.yml`.
                3. **The CDC bridge.** Put `cdc-bridge-tables.yml`'s `kit.cdc.tables` into the bridge's configuration
                   (a list replaces the whole list) and point it at the monolith's database: `KIT_DB_HOST`,
                   `KIT_DB_PORT`, `CDC_DB_USER`, `CDC_DB_PASSWORD` (an account with REPLICATION SLAVE, REPLICATION
                   CLIENT and SELECT on `%3$s`), `CDC_DB_SSL_MODE` (e.g. `VERIFY_IDENTITY`) for TLS, and
                   `CDC_CONNECTOR=MYSQL` for MySQL 8. When the service's database is on another server, give the
                   bridge that server too (`kit.cdc.outbox.source`, `kit.cdc.outbox.watermark`).
                4. **The proxy.** Load `proxy-routes.yml` after the proxy's own configuration
                   (`--spring.config.additional-location=file:%7$sproxy-routes.yml`); it routes %8$s and passes
                   everything else to the monolith at `LEGACY_URL`.
                5. **The accounts 'kit compare' uses:** `LEGACY_DB_NAME=%3$s`, `LEGACY_DB_USER`, `LEGACY_DB_PASSWORD`
                   for the monolith, and `%9$s_DB_NAME`, `%9$s_DB_USER`, `%9$s_DB_PASSWORD` for the service's
                   database; `%9$s_SERVICE_URL` for its base URL. A database on a server of its own (or behind
                   TLS) gets its whole JDBC URL: `LEGACY_DB_URL`, `%9$s_DB_URL`.
                6. **Check everything the playbook names against the running systems**, all problems at once:

                       kit playbook validate --playbook %7$splaybook.yml

                7. **Backfill, then the first flip:**

                       kit compare data --context %1$s --playbook %7$splaybook.yml
                       kit playbook plan --playbook %7$splaybook.yml
                       kit playbook next --playbook %7$splaybook.yml   # %1$s-backfilled, then %10$s to SHADOW

                   `kit routes list` shows each route's mode and traffic; the write cut-over steps are commented
                   out in `playbook.yml` until the service writes outbox events and the bridge's reverse path maps
                   them back (`kit.cdc.reverse.mappings`).
                """.formatted(plan.service(), plan.jdbcUrl(), plan.schema(), plan.tables().size(),
                noVersion.isEmpty() ? "" : " (none found for " + noVersion + ")", plan.migrationFile(), out, routes,
                prefix, first);
    }
}
