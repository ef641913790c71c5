package dev.strangler.playbook.stack;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.console.ConsoleSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code kit up --detach}: starts {@code kit supervise} as a process of its own (its own session, output in
 * {@code .kit/logs/supervisor.log}), which starts the stack and keeps it up after this command returns, and waits
 * until it says the stack is healthy or why it is not.
 */
final class DetachedSupervisor {

    static final String STARTING = "starting";
    static final String HEALTHY = "healthy";
    static final String FAILED = "failed: ";

    private final KitContext kit;
    private final StackLayout layout;

    DetachedSupervisor(KitContext kit) {
        this.kit = kit;
        this.layout = kit.layout();
    }

    void start(Duration timeout, PrintWriter out) {
        Path log = layout.logFile("supervisor");
        out.printf("Starting the stack under a supervisor process (its log: %s)%n", layout.home().relativize(log));
        out.flush();
        long started = System.nanoTime();
        Process supervisor = launch(timeout, log);
        // The supervisor's own start-up timeout ends first and it says so; this margin only covers its JVM start.
        long deadline = System.nanoTime() + timeout.plusSeconds(60).toNanos();
        while (true) {
            String state = readState();
            if (HEALTHY.equals(state)) {
                out.printf("All %d parts healthy in %.1f s; the supervisor (PID %d) keeps them up.%n%s%n%n",
                        kit.stack().all().size(), (System.nanoTime() - started) / 1e9, supervisor.pid(),
                        ConsoleSettings.banner(kit));
                return;
            }
            if (state != null && state.startsWith(FAILED)) {
                throw new KitException(KitException.CHECK_FAILED, state.substring(FAILED.length()));
            }
            if (!supervisor.isAlive()) {
                throw new KitException(KitException.CHECK_FAILED, "the supervisor exited with code "
                        + supervisor.exitValue() + " during start-up; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new KitException(KitException.CHECK_FAILED, "the stack was not healthy within "
                        + timeout.toSeconds() + " s; see " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos()); // poll interval, not a wait for a condition
        }
    }

    private Process launch(Duration timeout, Path log) {
        try {
            Files.createDirectories(layout.logDirectory());
            Files.createDirectories(layout.runDirectory());
            Files.deleteIfExists(layout.supervisorStateFile());
            Path jar = new StackLauncher(layout, kit.processes()).runningCopy(layout.kitJar());
            List<String> command = new ArrayList<>();
            if (StackLauncher.HAS_SETSID) {
                command.add("/usr/bin/setsid"); // Ctrl-C in this terminal must not reach it
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dkit.process=supervisor", "-Dkit.home=" + layout.home(), "-Xmx96m", "-XX:+UseSerialGC",
                    "-jar", jar.toString(), "supervise", "--timeout", Long.toString(timeout.toSeconds())));
            ProcessBuilder builder = new ProcessBuilder(command).directory(layout.home().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(kit.environment());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the supervisor", e);
        }
    }

    private String readState() {
        try {
            Path file = layout.supervisorStateFile();
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Written by {@code kit supervise}: through a rename, so the waiting command never reads half of it. */
    static void writeState(StackLayout layout, String state) {
        try {
            Files.createDirectories(layout.runDirectory());
            Path partial = layout.supervisorStateFile().resolveSibling("supervisor.state.partial");
            Files.writeString(partial, state + "\n", StandardCharsets.UTF_8);
            Files.move(partial, layout.supervisorStateFile(), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.supervisorStateFile(), e);
        }
    }
}
