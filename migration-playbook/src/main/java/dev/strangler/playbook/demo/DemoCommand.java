package dev.strangler.playbook.demo;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.run.PlaybookSession;
import dev.strangler.playbook.seed.SeedCommand;
import dev.strangler.playbook.seed.SeedPlan;
import dev.strangler.playbook.stack.Stack;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioRunner;
import dev.strangler.scenario.ScenarioSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole migration on the embedded stack: start it, seed it, put clients on it, run the "
                + "playbook (members, then orders), roll the last write cut-over back and apply it again, then run "
                + "the monolith's scenario suite through the proxy and sum up.",
                "Exit 0 only when every step applied, no client request failed, the databases agree and the "
                        + "scenario suite passed."})
public final class DemoCommand implements Callable<Integer> {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", defaultValue = "10000", description = "members to seed (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--orders", defaultValue = "50000", description = "orders to seed (default: ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent clients of the background load (default: ${DEFAULT-VALUE})")
    int clients;

    DemoCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path playbookFile = kit.defaultPlaybook();
        prepareStack(out);
        InfraSettings infra = kit.infra();
        if (LoadTargets.ids(infra, "SELECT MBR_NO FROM TB_MEMBER LIMIT 1").isEmpty()) {
            SeedCommand.seed(infra, seedPlan(), out);
        }
        PlaybookSession session = PlaybookSession.open(kit, playbookFile, out);
        BackgroundLoad load = LoadTargets.read(infra).load(kit.proxyUrl(), clients);
        out.printf("Background load: %d clients through %s: reads, updates, orders, and new members from "
                + "registration to leaving%n%n", clients, kit.proxyUrl());
        out.flush();
        load.start();
        String stopped = null;
        boolean reversed = false;
        try {
            session.runner().run();
            reversed = rollBackAndReapplyTheLastStep(session, out);
        } catch (KitException e) {
            stopped = e.getMessage();
        } finally {
            load.stop();
        }
        out.println("\n== Final check: the monolith's scenario suite through the proxy");
        out.flush();
        ScenarioReport scenarios = new ScenarioRunner(kit.proxyUrl()).run(ScenarioSuite.load(kit.scenarios()));
        return new DemoSummary(kit, session, playbookFile).print(out, stopped, reversed, load.figures(), scenarios);
    }

    /**
     * A migration is only as safe as its way back: the last step (the order write cut-over) is rolled back under
     * load, its rollback verified (scenario suite, reconciliation), and applied again.
     */
    private static boolean rollBackAndReapplyTheLastStep(PlaybookSession session, PrintWriter out) {
        out.println("\n== Reversibility: the last step rolled back under load, then applied again");
        out.flush();
        session.runner().rollback();
        return session.runner().next();
    }

    private SeedPlan seedPlan() {
        try {
            return new SeedPlan(members, orders, 500, 42, 1000);
        } catch (IllegalArgumentException e) {
            throw KitException.configuration(e.getMessage());
        }
    }

    /** Starts the stack, continues a demo that stopped half-way, or resets one that completed. */
    private void prepareStack(PrintWriter out) {
        Stack stack = new Stack(kit);
        int running = stack.running().size();
        if (running > 0 && running < stack.size()) {
            throw KitException.configuration("only part of the stack is running; 'kit down' first, or 'kit start' the rest");
        }
        if (running > 0) {
            PlaybookSession session = PlaybookSession.open(kit, kit.defaultPlaybook(), out);
            if (session.runner().nextStep().isPresent()) {
                out.println("Continuing the demo: " + session.runner().applied().size() + " of "
                        + session.playbook().steps().size() + " steps are applied.");
                return;
            }
            out.println("The previous demo completed: resetting (kit down, then a fresh state; the journal stays).");
            stack.down();
        }
        if (running == 0 && Files.exists(kit.layout().kitDirectory().resolve("playbook"))) {
            out.println("Resetting the state of an earlier demo (the journal stays).");
        }
        resetState();
        out.flush();
        Thread stopOnFailure = new Thread(stack::down, "kit-stop-stack");
        Runtime.getRuntime().addShutdownHook(stopOnFailure);
        stack.upDetached(Duration.ofSeconds(300), out); // supervised, and left running for 'kit compare' and more
        Runtime.getRuntime().removeShutdownHook(stopOnFailure);
        out.println();
    }

    private void resetState() {
        for (String part : List.of("mariadb", "kafka", "cdc", "playbook", "logs")) {
            Path directory = kit.layout().kitDirectory().resolve(part);
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
}
