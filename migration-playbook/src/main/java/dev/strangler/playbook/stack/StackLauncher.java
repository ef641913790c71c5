package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts components as separate processes with their output in {@code .kit/logs/<name>.log}, and waits until each
 * one reports healthy. Each process gets a session of its own, so a Ctrl-C in the terminal reaches only the kit,
 * which then stops the stack in order.
 */
public final class StackLauncher {

    static final boolean HAS_SETSID = Files.isExecutable(Path.of("/usr/bin/setsid"));

    private final StackLayout layout;
    private final KitProcesses processes;

    public StackLauncher(StackLayout layout, KitProcesses processes) {
        this.layout = layout;
        this.processes = processes;
    }

    /** Refuses to start anything while one of the ports is taken, naming the setting that moves it. */
    public static void requireFreePorts(List<StackComponent> components) {
        for (StackComponent component : components) {
            for (PortSetting port : component.ports()) {
                try (ServerSocket socket = new ServerSocket(port.port(), 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                } catch (IOException e) {
                    throw KitException.configuration("port " + port.port() + " for " + component.name()
                            + " is already in use; set " + port.variable() + " to a free port");
                }
            }
        }
    }

    public ProcessHandle start(StackComponent component) {
        return startProcess(component).toHandle();
    }

    /** Starts a part with a fresh log. */
    public Process startProcess(StackComponent component) {
        return launch(component, ProcessBuilder.Redirect.to(layout.logFile(component.name()).toFile()), null);
    }

    /**
     * Starts a part again, appending to its log after a line that says why: what the part wrote before it died
     * is the evidence of why it did.
     */
    public Process startAppending(StackComponent component, String why) {
        return launch(component, ProcessBuilder.Redirect.appendTo(layout.logFile(component.name()).toFile()), why);
    }

    private Process launch(StackComponent component, ProcessBuilder.Redirect log, String why) {
        try {
            Files.createDirectories(layout.logDirectory());
            if (why != null) {
                Files.writeString(layout.logFile(component.name()), "%n---- %s: %s ----%n".formatted(
                        Instant.now(), why), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            copyArtifact(component);
            List<String> command = new ArrayList<>();
            if (HAS_SETSID) {
                command.add("/usr/bin/setsid");
            }
            command.addAll(component.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(layout.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(component.environment());
            Process process = builder.start();
            processes.record(component.name(), process.pid());
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + component.name(), e);
        }
    }

    /**
     * Copies the artifact unless the copy is already this build (same size and time). Through a temporary file and
     * a rename, so a process still running an older copy keeps reading its own file.
     */
    private void copyArtifact(StackComponent component) throws IOException {
        runningCopy(component.artifact());
    }

    /** The copy of {@code artifact} a process runs, made or refreshed now. */
    Path runningCopy(Path artifact) throws IOException {
        Path copy = layout.runningCopy(artifact);
        if (Files.isRegularFile(copy) && Files.size(copy) == Files.size(artifact)
                && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(artifact))) {
            return copy;
        }
        Files.createDirectories(copy.getParent());
        Path partial = copy.resolveSibling(copy.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        Files.copy(artifact, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return copy;
    }

    /**
     * Waits until every component is healthy, or up and naming the action that recovers it (reported, not a
     * failure: the rest of the stack stays up); fails fast, with the end of its log, when one of them dies.
     */
    public void awaitHealthy(List<StackComponent> components, List<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<StackComponent> waiting = new ArrayList<>(components);
        while (!waiting.isEmpty()) {
            for (int i = waiting.size() - 1; i >= 0; i--) {
                StackComponent component = waiting.get(i);
                ProcessHandle handle = handles.get(components.indexOf(component));
                if (!handle.isAlive()) {
                    throw new KitException(KitException.CHECK_FAILED, component.name() + " exited during start-up; "
                            + "the end of " + layout.logFile(component.name()) + ":\n" + tail(component.name()));
                }
                if (component.health().check().state() != HealthCheck.Health.State.UNHEALTHY) {
                    waiting.remove(i);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                StackComponent late = waiting.get(0);
                throw new KitException(KitException.CHECK_FAILED, late.name() + " was not healthy within "
                        + timeout.toSeconds() + " s; the end of " + layout.logFile(late.name()) + ":\n" + tail(late.name()));
            }
            if (!waiting.isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // poll interval, not a wait for a condition
            }
        }
    }

    private String tail(String component) {
        try {
            List<String> lines = Files.readAllLines(layout.logFile(component));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
