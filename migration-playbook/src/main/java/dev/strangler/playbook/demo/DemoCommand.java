package dev.strangler.playbook.demo;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitCli;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.DataReconciliation;
import dev.strangler.playbook.compare.ReconciliationProgress;
import dev.strangler.playbook.run.PlaybookSession;
import dev.strangler.playbook.stack.KitProcesses;
import dev.strangler.playbook.stack.StackComponent;
import dev.strangler.playbook.stack.StackDefinition;
import dev.strangler.playbook.stack.StackLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole migration on the embedded stack: start it, seed it, put clients on it, run the playbook, sum up.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--members", defaultValue = "10000", description = "members to seed (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--orders", defaultValue = "50000", description = "orders to seed (default: ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent clients of the background load (default: ${DEFAULT-VALUE})")
    int clients;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StackLayout layout = StackLayout.current();
        Path playbookFile = PlaybookSession.defaultFile(layout);
        prepareStack(layout, playbookFile, out);
        InfraSettings infra = InfraSettings.fromEnvironment(System.getenv());
        if (count(infra, "SELECT COUNT(*) FROM TB_MEMBER") == 0) {
            requireSuccess(KitCli.commandLine().execute("seed", "--members", Integer.toString(members),
                    "--orders", Integer.toString(orders)), "seeding");
        }
        PlaybookSession session = PlaybookSession.open(layout, System.getenv(), playbookFile, out);
        URI proxy = URI.create("http://127.0.0.1:" + System.getenv().getOrDefault("PROXY_PORT", "8080") + "/");
        BackgroundLoad load = new BackgroundLoad(proxy, count(infra, "SELECT MAX(MBR_NO) FROM TB_MEMBER"), clients);
        out.printf("Background load: %d clients reading and writing members and orders through %s%n%n", clients, proxy);
        out.flush();
        load.start();
        String stopped = null;
        try {
            session.runner().run();
        } catch (KitException e) {
            stopped = e.getMessage();
        } finally {
            load.stop();
        }
        return summarise(session, load, infra, playbookFile, stopped, out);
    }

    /** Starts the stack, continues a demo that stopped half-way, or resets one that completed. */
    private void prepareStack(StackLayout layout, Path playbookFile, PrintWriter out) {
        KitProcesses processes = new KitProcesses(layout);
        List<StackComponent> parts = StackDefinition.fromEnvironment(System.getenv(), layout).all();
        long running = parts.stream().filter(part -> processes.running(part.name()).isPresent()).count();
        if (running > 0 && running < parts.size()) {
            throw KitException.configuration("only part of the stack is running; 'kit down' first, or 'kit start' the rest");
        }
        if (running > 0) {
            PlaybookSession session = PlaybookSession.open(layout, System.getenv(), playbookFile, out);
            if (session.runner().nextStep().isPresent()) {
                out.println("Continuing the demo: " + session.runner().applied().size() + " of "
                        + session.playbook().steps().size() + " steps are applied.");
                return;
            }
            out.println("The previous demo completed: resetting (kit down, then a fresh state; the journal stays).");
            requireSuccess(KitCli.commandLine().execute("down"), "stopping the stack");
        }
        if (running == 0 && Files.exists(layout.kitDirectory().resolve("playbook"))) {
            out.println("Resetting the state of an earlier demo (the journal stays).");
        }
        resetState(layout);
        out.flush();
        requireSuccess(KitCli.commandLine().execute("up", "--detach"), "starting the stack");
    }

    private static void resetState(StackLayout layout) {
        for (String part : List.of("mariadb", "kafka", "cdc", "playbook", "logs")) {
            Path directory = layout.kitDirectory().resolve(part);
            if (!Files.exists(directory)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot reset " + directory, e);
            }
        }
    }

    private int summarise(PlaybookSession session, BackgroundLoad load, InfraSettings infra, Path playbookFile,
                          String stopped, PrintWriter out) {
        int applied = session.runner().applied().size();
        int steps = session.playbook().steps().size();
        out.println();
        out.println("== Summary");
        out.printf("steps applied:       %d of %d%s%n", applied, steps, stopped == null ? "" : " (stopped: " + stopped + ")");
        out.printf("requests served:     %,d%n", load.served());
        out.printf("failed requests:     %,d%s%n", load.failed(), load.failed() == 0 ? "" : " " + load.firstFailures());
        for (String route : List.of("members-read", "orders-read")) {
            JsonNode parity = session.parts().parity(route);
            out.printf("parity %-13s %s %% over %,d compared%n", route + ":",
                    parity.path("parityPercent").isNumber() ? parity.path("parityPercent").asDouble() : "n/a",
                    parity.path("compared").asLong());
        }
        JsonNode cdc = session.parts().cdcStatus();
        cdc.path("tables").forEach(table -> out.printf("CDC lag %-22s %,d ms (last event)%n",
                table.path("table").asString() + ":", table.path("lagMillis").asLong()));
        long differences = 0;
        ContextCatalog contexts = ContextCatalog.load(playbookFile);
        for (String context : List.of("members", "orders")) {
            long found = new DataReconciliation(infra, 5).reconcile(contexts.context(context), ReconciliationProgress.NONE).stream()
                    .mapToLong(table -> table.differences()).sum();
            out.printf("reconciliation %-8s %,d difference(s)%n", context + ":", found);
            differences += found;
        }
        out.println("journal:             " + session.journal());
        out.println("\nThe stack is still running: look around (./kit status, ./kit playbook status), then ./kit down.");
        out.flush();
        return applied == steps && load.failed() == 0 && differences == 0 ? 0 : KitException.CHECK_FAILED;
    }

    private static long count(InfraSettings infra, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password());
             ResultSet row = connection.createStatement().executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static void requireSuccess(int exitCode, String what) {
        if (exitCode != 0) {
            throw new KitException(exitCode, what + " failed (exit " + exitCode + ")");
        }
    }
}
