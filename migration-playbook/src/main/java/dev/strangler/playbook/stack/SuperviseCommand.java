package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The process {@code kit up --detach} leaves behind: starts the stack, says so in {@code .kit/run/supervisor.state},
 * then keeps every part up until {@code kit down} stops it (SIGTERM ends the supervising only; {@code kit down}
 * then stops the parts in order).
 */
@Command(name = "supervise", hidden = true, mixinStandardHelpOptions = true,
        description = "Start the stack and keep its parts up; used by 'kit up --detach'.")
public final class SuperviseCommand implements Runnable {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the stack to be healthy.")
    int timeoutSeconds;

    SuperviseCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Stack stack = new Stack(kit);
        KitProcesses processes = kit.processes();
        processes.recordSupervisor(ProcessHandle.current().pid());
        DetachedSupervisor.writeState(kit.layout(), DetachedSupervisor.STARTING);
        Map<String, Process> started;
        try {
            started = stack.up(Duration.ofSeconds(timeoutSeconds), out);
        } catch (RuntimeException e) {
            out.println("Start-up failed; stopping what was started.");
            out.flush();
            stack.down();
            DetachedSupervisor.writeState(kit.layout(), DetachedSupervisor.FAILED + e.getMessage().lines()
                    .findFirst().orElse("start-up failed") + " (see " + kit.layout().logFile("supervisor") + ")");
            throw e;
        }
        Supervisor supervisor = new Supervisor(kit.layout(), processes, stack.definition().all(), out);
        started.forEach(supervisor::adopt);
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "kit-supervisor-stop"));
        DetachedSupervisor.writeState(kit.layout(), DetachedSupervisor.HEALTHY);
        out.println("Supervising the stack; 'kit down' stops it.");
        out.flush();
        supervisor.run();
    }
}
