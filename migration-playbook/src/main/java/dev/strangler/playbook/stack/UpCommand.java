package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start MariaDB, Kafka and every service as separate processes and wait until all are healthy.")
public final class UpCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-d", "--detach"}, description = "Return once healthy and leave the stack running (stop it with 'kit down').")
    boolean detach;

    @Option(names = "--timeout", defaultValue = "180", description = "Seconds to wait for the stack to be healthy (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        StackLayout layout = StackLayout.current();
        KitProcesses processes = new KitProcesses(layout);
        StackDefinition stack = StackDefinition.fromEnvironment(PartCommands.environment(layout), layout);
        List<String> running = stack.all().stream().map(StackComponent::name)
                .filter(name -> processes.running(name).isPresent()).toList();
        if (!running.isEmpty()) {
            throw new KitException(KitException.USAGE_OR_CONFIGURATION, "the stack is already running ("
                    + String.join(", ", running) + "); see 'kit status', or stop it with 'kit down'");
        }
        stack.services().forEach(service -> requireArtifact(service, layout));
        StackLauncher.requireFreePorts(stack.all());

        StackStopper stopper = new StackStopper(processes, stack);
        Thread stopOnInterrupt = new Thread(() -> {
            System.out.println("\nStopping the stack...");
            List<String> stopped = stopper.stopAll();
            System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped: " + String.join(", ", stopped));
        }, "kit-stop-stack");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt); // Ctrl-C on the foreground 'kit up'
        long started = System.nanoTime();
        try {
            StackLauncher launcher = new StackLauncher(layout, processes);
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            startAndAwait(launcher, stack.infrastructure(), timeout, out, "infrastructure");
            startAndAwait(launcher, stack.services(), timeout, out, "services");
        } catch (RuntimeException e) {
            out.println("Start-up failed; stopping what was started.");
            out.flush();
            throw e;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("All %d parts healthy in %.1f s.%n%n", stack.all().size(), seconds);
        out.print(StatusTable.render(stack.all(), processes, layout));
        out.flush();
        if (detach) {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            out.println("\nStop it with: ./kit down");
            return;
        }
        out.println("\nPress Ctrl-C to stop the stack.");
        out.flush();
        awaitInterrupt();
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

    private static void requireArtifact(StackComponent service, StackLayout layout) {
        Path artifact = service.artifact();
        if (!Files.isRegularFile(artifact)) {
            throw KitException.configuration(service.name() + " is not built (" + artifact
                    + " is missing); run ./kit, which builds, or ./mvnw -B package -DskipTests");
        }
    }

    private static void awaitInterrupt() {
        try {
            new CountDownLatch(1).await(); // the shutdown hook stops the stack when Ctrl-C arrives
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
