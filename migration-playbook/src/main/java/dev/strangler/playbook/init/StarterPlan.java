package dev.strangler.playbook.init;

import java.util.List;
import java.util.Locale;

/**
 * What {@code kit init} found and was asked for; each starter file is written from it.
 *
 * @param jdbcUrl     the legacy database, without parameters
 * @param schema      the legacy schema
 * @param user        the account that read it
 * @param passwordEnv the environment variable that held its password
 * @param service     the extracted service: its account, context and endpoint name
 * @param tables      the legacy tables, as introspected
 * @param routes      the path prefixes the service takes over
 */
record StarterPlan(String jdbcUrl, String schema, String user, String passwordEnv, String service,
                   List<LegacyTable> tables, List<RoutePrefix> routes) {

    StarterPlan {
        tables = List.copyOf(tables);
        routes = List.copyOf(routes);
    }

    /** The service's environment prefix, as 'kit compare' reads its account: INVENTORY_DB_NAME and so on. */
    String environmentPrefix() {
        return service.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The change topic of a legacy table: {@code <schema>.<table in lower-kebab-case>}. */
    String topic(LegacyTable table) {
        return kebab(schema) + "." + kebab(table.name());
    }

    String migrationFile() {
        return "V1__" + service.replace('-', '_') + "_schema.sql";
    }

    String serviceUrlVariable() {
        return environmentPrefix() + "_SERVICE_URL";
    }

    private static String kebab(String name) {
        return ExtractedNames.of(name).replace('_', '-').replaceAll("-+", "-").replaceAll("^-|-$", "");
    }
}
