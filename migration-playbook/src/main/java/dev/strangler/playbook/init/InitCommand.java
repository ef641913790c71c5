package dev.strangler.playbook.init;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Introspect a live MySQL or MariaDB schema and write a starter playbook, the CDC bridge's table "
                + "list, the service's declared tables and Flyway migration, and a route table skeleton.")
public final class InitCommand implements Callable<Integer> {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--jdbc-url", required = true, description = "the legacy database, e.g. jdbc:mysql://db:3306/shop")
    String jdbcUrl;

    @Option(names = "--user", required = true, description = "an account that can read the schema's information_schema")
    String user;

    @Option(names = "--password-env", defaultValue = "LEGACY_DB_PASSWORD",
            description = "the environment variable holding the password (default: ${DEFAULT-VALUE})")
    String passwordEnv;

    @Option(names = "--schema", required = true, description = "the legacy schema")
    String schema;

    @Option(names = "--tables", split = ",", description = "the tables to migrate, comma-separated (default: all base tables)")
    List<String> tables = List.of();

    @Option(names = "--service", required = true, description = "the extracted service: its account, context and endpoint name, e.g. inventory")
    String service;

    @Option(names = "--route", required = true, description = "a path prefix the service takes over: PREFIX or ID=PREFIX, e.g. /api/stock (repeatable)")
    List<String> routes;

    @Option(names = "--out", defaultValue = "kit-init", description = "the directory the files are written to (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--force", description = "replace the files if they exist")
    boolean force;

    InitCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public Integer call() {
        if (!service.matches("[a-z][a-z0-9-]*")) {
            throw KitException.configuration("--service " + service + ": lower-case letters, digits and '-', starting"
                    + " with a letter (it names the account, the context and the steps)");
        }
        List<RoutePrefix> prefixes = routes.stream().map(RoutePrefix::parse).toList();
        RoutePrefix.requireDistinct(prefixes);
        String password = kit.environment().get(passwordEnv);
        if (password == null) {
            throw KitException.configuration("the password is read from the environment variable " + passwordEnv
                    + ", which is not set (--password-env names another)");
        }
        StarterPlan plan = new StarterPlan(LiveSchema.withoutParameters(jdbcUrl), schema, user, passwordEnv, service,
                List.of(), prefixes);
        // Refused before the database is asked: existing files are the cheaper mistake to report.
        StarterFiles files = files(plan);
        files.requireWritable(force);

        List<LegacyTable> legacy = new LiveSchema(jdbcUrl, user, password).read(schema,
                tables.stream().map(String::trim).filter(name -> !name.isEmpty()).toList());
        ExtractedNames.requireDistinct(legacy);
        List<Path> written = files(new StarterPlan(plan.jdbcUrl(), schema, user, passwordEnv, service, legacy,
                prefixes)).write();

        PrintWriter printer = spec.commandLine().getOut();
        printer.printf("Read %d table(s) of %s: %s%n", legacy.size(), schema,
                String.join(", ", legacy.stream().map(LegacyTable::name).toList()));
        legacy.stream().filter(table -> table.version() == null).forEach(table -> printer.println("  "
                + table.name() + ": no version column found; changes are ordered by binlog position"));
        written.forEach(file -> printer.println("  wrote " + file));
        printer.println("Next: " + out.resolve("NEXT-STEPS.md"));
        printer.flush();
        return 0;
    }

    private StarterFiles files(StarterPlan plan) {
        String directory = out.toString().endsWith("/") ? out.toString() : out + "/";
        return new StarterFiles(out)
                .add("playbook.yml", PlaybookTemplate.render(plan))
                .add("cdc-bridge-tables.yml", CdcTablesTemplate.render(plan))
                .add("service-changefeed.yml", ChangefeedTemplate.render(plan))
                .add(plan.migrationFile(), SchemaTemplate.render(plan))
                .add("proxy-routes.yml", RouteTableTemplate.render(plan))
                .add("NEXT-STEPS.md", NextStepsTemplate.render(plan, directory));
    }
}
