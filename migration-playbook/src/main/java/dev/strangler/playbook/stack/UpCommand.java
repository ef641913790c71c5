package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start MariaDB, Kafka and every service as separate processes, wait until all are healthy, and "
                + "keep them up: a part that exits is started again.")
public final class UpCommand implements Runnable {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--detach"},
            description = "Return once healthy and leave the stack running under a supervisor process (stop it with 'kit down').")
    boolean detach;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the stack to be healthy (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    UpCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Stack stack = new Stack(kit);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        if (detach) {
            stack.upDetached(timeout, out);
            out.println("\nStop it with: ./kit down");
            return;
        }
        stack.requireStartable();
        KitProcesses processes = kit.processes();
        Supervisor supervisor = new Supervisor(kit.layout(), processes, stack.definition().all(), out);
        // Ctrl-C, 'kit down' from another terminal, or a failed start: stop supervising, then the stack.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.stop();
            System.out.println("\nStopping the stack...");
            List<String> stopped = stack.down();
            System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped: " + String.join(", ", stopped));
        }, "kit-stop-stack"));
        processes.recordSupervisor(ProcessHandle.current().pid());
        try {
            Map<String, Process> started = stack.up(timeout, out);
            started.forEach(supervisor::adopt);
        } catch (RuntimeException e) {
            out.println("Start-up failed; stopping what was started.");
            out.flush();
            throw e;
        }
        out.println("\nSupervising the stack: a part that exits is started again. Press Ctrl-C to stop it.");
        out.flush();
        supervisor.run();
    }
}
