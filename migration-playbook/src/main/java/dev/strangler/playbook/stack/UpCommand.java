package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start MariaDB, Kafka and every service as separate processes and wait until all are healthy.")
public final class UpCommand implements Runnable {

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--detach"}, description = "Return once healthy and leave the stack running (stop it with 'kit down').")
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
        Thread stopOnInterrupt = new Thread(() -> {
            System.out.println("\nStopping the stack...");
            List<String> stopped = stack.down();
            System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped: " + String.join(", ", stopped));
        }, "kit-stop-stack");
        boolean wasRunning = !stack.running().isEmpty();
        if (!wasRunning) {
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt); // Ctrl-C on the foreground 'kit up', or a failure
        }
        try {
            stack.up(Duration.ofSeconds(timeoutSeconds), out);
        } catch (RuntimeException e) {
            if (!wasRunning) {
                out.println("Start-up failed; stopping what was started.");
                out.flush();
            }
            throw e;
        }
        if (detach) {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            out.println("\nStop it with: ./kit down");
            return;
        }
        out.println("\nPress Ctrl-C to stop the stack.");
        out.flush();
        try {
            new CountDownLatch(1).await(); // the shutdown hook stops the stack when Ctrl-C arrives
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
