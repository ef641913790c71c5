package dev.strangler.playbook.demo;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The demo's clients on their own, for as long as asked: the whole API through the proxy, each answer checked
 * against the contract. For experiments on a running stack (stop a part and see what clients see) and the fault
 * suite under {@code bench/}.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Put the demo's clients on the running stack for a while: reads, updates, orders and new "
                + "members' whole journeys through the proxy, each answer checked against the contract.",
                "Exit code 0 when no request failed, 1 otherwise."})
public final class LoadCommand implements Callable<Integer> {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60", description = "how long (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--clients", defaultValue = "4", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--timeline", description = "write 'unix_second,sent,failed' per second of the run to this CSV file")
    Path timeline;

    LoadCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || clients < 1) {
            throw KitException.configuration("--seconds and --clients must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        LoadTargets targets = LoadTargets.read(kit.infra());
        if (targets.empty()) {
            throw KitException.configuration("the legacy schema has no members or products to work on; "
                    + "run ./kit seed first");
        }
        BackgroundLoad load = targets.load(kit.proxyUrl(), clients);
        out.printf("%d clients through %s for %d s%n", clients, kit.proxyUrl(), seconds);
        out.flush();
        load.start();
        try {
            Thread.sleep(seconds * 1000L); // the length of the run, not a wait for a condition
        } finally {
            load.stop();
        }
        BackgroundLoad.LoadFigures figures = load.figures();
        out.printf("client requests: %,d sent, %,d failed%n", figures.sent(), figures.failed());
        figures.byKind().forEach((kind, counts) -> out.printf("  %-28s %,7d sent %,5d failed%n", kind, counts[0],
                counts[1]));
        figures.failures().forEach(failure -> out.println("  ✘ " + failure));
        if (timeline != null) {
            writeTimeline(load.timeline());
        }
        return figures.failed() == 0 ? 0 : KitException.CHECK_FAILED;
    }

    private void writeTimeline(Map<Long, long[]> seconds) {
        List<String> lines = new ArrayList<>(List.of("unix_second,sent,failed"));
        seconds.forEach((second, counts) -> lines.add(second + "," + counts[0] + "," + counts[1]));
        try {
            Files.write(timeline, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + timeline, e);
        }
    }
}
