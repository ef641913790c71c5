package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.console.ConsoleSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Refuses to start a stack that already runs, wholly or in part, or whose parts are not built. */
    public void requireStartable() {
        List<String> running = running();
        if (!running.isEmpty()) {
            throw new KitException(KitException.USAGE_OR_CONFIGURATION, "the stack is already running ("
                    + String.join(", ", running) + "); see 'kit status', or stop it with 'kit down'");
        }
        processes.supervisor().filter(other -> other.pid() != ProcessHandle.current().pid()).ifPresent(supervisor -> {
            throw new KitException(KitException.USAGE_OR_CONFIGURATION, "a supervisor of this stack is running "
                    + "(PID " + supervisor.pid() + "); stop it with 'kit down'");
        });
        definition.services().forEach(Stack::requireArtifact);
        StackLauncher.requireFreePorts(definition.all());
    }

    /**
     * Starts the infrastructure, then the services, and waits until every part is healthy; prints the status table.
     * Refused when any part already runs; on a failure, what was started is stopped by the caller's hook. The
     * restart counts and operators' stops of an earlier stack are cleared.
     *
     * @return the processes started, by part, for the {@link Supervisor}
     */
    public Map<String, Process> up(Duration timeout, PrintWriter out) {
        requireStartable();
        for (StackComponent component : definition.all()) {
            processes.clearStopped(component.name());
            PartRestarts.clear(kit.layout(), component.name());
        }
        long started = System.nanoTime();
        StackLauncher launcher = new StackLauncher(kit.layout(), processes);
        Map<String, Process> startedProcesses = new LinkedHashMap<>();
        startAndAwait(launcher, definition.infrastructure(), timeout, out, "infrastructure", startedProcesses);
        startAndAwait(launcher, definition.services(), timeout, out, "services", startedProcesses);
        out.printf("All %d parts healthy in %.1f s.%n%s%n%n", definition.all().size(),
                (System.nanoTime() - started) / 1e9, ConsoleSettings.banner(kit));
        out.print(status());
        out.flush();
        return startedProcesses;
    }

    /**
     * Starts the stack under a supervisor process of its own ({@code kit supervise}), which outlives this command,
     * and returns once every part is healthy; prints the status table.
     */
    public void upDetached(Duration timeout, PrintWriter out) {
        requireStartable();
        new DetachedSupervisor(kit).start(timeout, out);
        out.print(status());
        out.flush();
    }

    /**
     * Stops the supervisor, so nothing starts again, then every part, services first; returns the names of the parts
     * that were running.
     */
    public List<String> down() {
        List<String> stopped = new ArrayList<>();
        if (processes.stopSupervisor()) {
            stopped.add("supervisor");
        }
        stopped.addAll(new StackStopper(processes, definition).stopAll());
        return stopped;
    }

    public StackDefinition definition() {
        return definition;
    }

    /** The status table: name, state, PID, URL, memory and log file of each part. */
    public String status() {
        return StatusTable.render(definition.all(), processes, kit.layout());
    }

    private static void startAndAwait(StackLauncher launcher, List<StackComponent> components, Duration timeout,
                                      PrintWriter out, String what, Map<String, Process> started) {
        if (components.isEmpty()) {
            return;
        }
        out.printf("Starting %s: %s%n", what, String.join(", ", components.stream().map(StackComponent::name).toList()));
        out.flush();
        List<ProcessHandle> handles = new ArrayList<>();
        for (StackComponent component : components) {
            Process process = launcher.startProcess(component);
            started.put(component.name(), process);
            handles.add(process.toHandle());
        }
        launcher.awaitHealthy(components, handles, timeout);
    }

    private static void requireArtifact(StackComponent service) {
        if (!Files.isRegularFile(service.artifact())) {
            throw KitException.configuration(service.name() + " is not built (" + service.artifact()
                    + " is missing); run ./kit, which builds, or ./mvnw -B package -DskipTests");
        }
    }
}
