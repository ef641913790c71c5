package dev.strangler.playbook.seed;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kit seed}: realistic, deterministic demo data in legacy_db, appended to what is there. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Loads deterministic, realistic members, products and orders into legacy_db.",
                "Appends: ids continue after the current maximum and login ids stay unique, so running it twice "
                        + "doubles the data. The schema must exist: start the monolith first (./kit up).",
                "The database is found from KIT_DB_PORT and LEGACY_DB_NAME|USER|PASSWORD, as for ./kit up."})
public final class SeedCommand implements Callable<Integer> {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", defaultValue = "10000", description = "Members to add (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--orders", defaultValue = "50000", description = "Orders to add (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--products", defaultValue = "500", description = "Products to add (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-size", defaultValue = "1000",
            description = "Rows per JDBC batch and commit (default: ${DEFAULT-VALUE}).")
    int batchSize;

    SeedCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public Integer call() {
        seed(kit.infra(), plan(), spec.commandLine().getOut());
        return 0;
    }

    /** Seeds the legacy schema of {@code infra} by {@code plan}; what {@code kit seed} and {@code kit demo} run. */
    public static void seed(InfraSettings infra, SeedPlan plan, PrintWriter out) {
        String database = infra.legacy().database();
        String url = infra.jdbcUrl(database);
        out.printf("Seeding %s at %s: %,d members, %,d products, %,d orders (seed %d)%n", database, url,
                plan.members(), plan.products(), plan.orders(), plan.seed());
        try (Connection connection = DriverManager.getConnection(url, infra.legacy().user(),
                infra.legacy().password())) {
            new LegacySeeder(out).seed(connection, plan);
        } catch (IllegalStateException e) {
            throw KitException.configuration(e.getMessage());
        } catch (SQLException e) {
            throw KitException.configuration("seeding " + database + " at " + url + " failed: " + e.getMessage()
                    + " (is the stack up? ./kit up)");
        }
    }

    SeedPlan plan() {
        try {
            return new SeedPlan(members, orders, products, seed, batchSize);
        } catch (IllegalArgumentException e) {
            throw KitException.configuration(e.getMessage());
        }
    }
}
