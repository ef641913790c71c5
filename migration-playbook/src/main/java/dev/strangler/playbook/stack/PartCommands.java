package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Stop or start one part of a running stack, for example to restart the CDC bridge or take a service away. */
public final class PartCommands {

    private PartCommands() {
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop one part of the stack (kit status lists them).")
    public static final class Stop implements Runnable {

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        Stop(KitContext kit) {
            this.kit = kit;
        }

        @Parameters(index = "0", paramLabel = "PART", description = "the part to stop, e.g. cdc-bridge")
        String part;

        @Override
        public void run() {
            StackComponent component = find(kit.stack(), part);
            KitProcesses processes = kit.processes();
            processes.markStopped(component.name()); // first, so the supervisor does not start it again
            boolean stopped = processes.stop(component.name());
            spec.commandLine().getOut().println((stopped ? "Stopped " + component.name() : component.name()
                    + " was not running") + "; it stays stopped until 'kit start " + component.name() + "'");
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start one part of the stack again and wait until it is healthy.")
    public static final class Start implements Runnable {

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        Start(KitContext kit) {
            this.kit = kit;
        }

        @Parameters(index = "0", paramLabel = "PART", description = "the part to start, e.g. cdc-bridge")
        String part;

        @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for health (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            KitProcesses processes = kit.processes();
            StackComponent component = find(kit.stack(), part);
            if (processes.running(component.name()).isPresent()) {
                throw KitException.configuration(component.name() + " is already running");
            }
            StackLauncher.requireFreePorts(List.of(component));
            StackLauncher launcher = new StackLauncher(kit.layout(), processes);
            long started = System.nanoTime();
            processes.clearStopped(component.name());
            ProcessHandle handle = processes.supervisor().isPresent()
                    ? startedBySupervisor(processes, component.name(), Duration.ofSeconds(timeoutSeconds))
                    : launcher.start(component);
            launcher.awaitHealthy(List.of(component), List.of(handle), Duration.ofSeconds(timeoutSeconds));
            out.printf("%s healthy in %.1f s (PID %d)%n", component.name(), (System.nanoTime() - started) / 1e9, handle.pid());
        }
    }

    /** With a supervisor running, it starts the part (and keeps it up): wait for its process. */
    private static ProcessHandle startedBySupervisor(KitProcesses processes, String part, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var running = processes.running(part);
            if (running.isPresent()) {
                return running.get();
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // poll interval, not a wait for a condition
        }
        throw new KitException(KitException.CHECK_FAILED, "the supervisor did not start " + part + " within "
                + timeout.toSeconds() + " s; see its log and .kit/logs/supervisor.log");
    }

    private static StackComponent find(StackDefinition stack, String name) {
        return stack.all().stream().filter(component -> component.name().equals(name)).findFirst()
                .orElseThrow(() -> KitException.configuration("no part named '" + name + "'; the parts are "
                        + String.join(", ", stack.all().stream().map(StackComponent::name).toList())));
    }
}
