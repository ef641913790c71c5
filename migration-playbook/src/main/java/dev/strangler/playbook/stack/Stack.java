package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The stack as a whole: start it and wait for health, stop it, see which parts run. */
public final class Stack {

    private final KitContext kit;
    private final StackDefinition definition;
    private final KitProcesses processes;

    public Stack(KitContext kit) {
        this.kit = kit;
        this.definition = kit.stack();
        this.processes = kit.processes();
    }

    /** The parts running now, by name. */
    public List<String> running() {
        return definition.all().stream().map(StackComponent::name)
                .filter(name -> processes.running(name).isPresent()).toList();
    }

    public int size() {
        return definition.all().size();
    }

    /**
     * Starts the infrastructure, then the services, and waits until every part is healthy; prints the status table.
     * Refused when any part already runs; on a failure, what was started is stopped by the caller's hook.
     */
    public void up(Duration timeout, PrintWriter out) {
        List<String> running = running();
        if (!running.isEmpty()) {
            throw new KitException(KitException.USAGE_OR_CONFIGURATION, "the stack is already running ("
                    + String.join(", ", running) + "); see 'kit status', or stop it with 'kit down'");
        }
        definition.services().forEach(Stack::requireArtifact);
        StackLauncher.requireFreePorts(definition.all());
        long started = System.nanoTime();
        StackLauncher launcher = new StackLauncher(kit.layout(), processes);
        startAndAwait(launcher, definition.infrastructure(), timeout, out, "infrastructure");
        startAndAwait(launcher, definition.services(), timeout, out, "services");
        out.printf("All %d parts healthy in %.1f s.%n%n", definition.all().size(), (System.nanoTime() - started) / 1e9);
        out.print(status());
        out.flush();
    }

    /** Stops every part, services first; returns the names of those that were running. */
    public List<String> down() {
        return new StackStopper(processes, definition).stopAll();
    }

    /** The status table: name, state, PID, URL, memory and log file of each part. */
    public String status() {
        return StatusTable.render(definition.all(), processes, kit.layout());
    }

    private static void startAndAwait(StackLauncher launcher, List<StackComponent> components, Duration timeout,
                                      PrintWriter out, String what) {
        if (components.isEmpty()) {
            return;
        }
        out.printf("Starting %s: %s%n", what, String.join(", ", components.stream().map(StackComponent::name).toList()));
        out.flush();
        List<ProcessHandle> handles = new ArrayList<>();
        components.forEach(component -> handles.add(launcher.start(component)));
        launcher.awaitHealthy(components, handles, timeout);
    }

    private static void requireArtifact(StackComponent service) {
        if (!Files.isRegularFile(service.artifact())) {
            throw KitException.configuration(service.name() + " is not built (" + service.artifact()
                    + " is missing); run ./kit, which builds, or ./mvnw -B package -DskipTests");
        }
    }
}
