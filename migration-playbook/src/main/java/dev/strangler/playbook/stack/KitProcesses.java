package dev.strangler.playbook.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The processes the kit started, known by their PID files under {@code .kit/run/}. A PID is trusted only while
 * its command line still carries the kit's {@code -Dkit.process=<name>} marker, so a PID the system has given
 * to someone else's process is never signalled.
 */
public final class KitProcesses {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final StackLayout layout;

    public KitProcesses(StackLayout layout) {
        this.layout = layout;
    }

    public void record(String component, long pid) {
        try {
            Files.createDirectories(layout.runDirectory());
            Files.writeString(layout.pidFile(component), Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.pidFile(component), e);
        }
    }

    /** The live process the kit started for this component, if there is one. */
    public Optional<ProcessHandle> running(String component) {
        return alive(layout.pidFile(component)).filter(handle -> isKitProcess(handle, component));
    }

    /** The live process whose PID the file holds, if there is one. */
    private static Optional<ProcessHandle> alive(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isKitProcess(ProcessHandle handle, String component) {
        String marker = "-Dkit.process=" + component;
        return handle.info().arguments().map(List::of).map(args -> args.contains(marker))
                .or(() -> handle.info().commandLine().map(line -> line.contains(marker)))
                .orElse(false);
    }

    /**
     * Stops a component: SIGTERM, so Spring and the embedded servers shut down cleanly, then a forced kill after a
     * grace period. Children (the MariaDB server under its launcher JVM) are stopped with it.
     *
     * @return whether a running process was stopped
     */
    public boolean stop(String component) {
        Optional<ProcessHandle> running = running(component);
        running.ifPresent(KitProcesses::stopTree);
        forget(component);
        return running.isPresent();
    }

    static void stopTree(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroy();
                descendant.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
                descendant.destroyForcibly();
            }
        }
    }

    /** Marks a part as stopped by an operator ({@code kit stop}): the supervisor does not start it again. */
    public void markStopped(String component) {
        try {
            Files.createDirectories(layout.runDirectory());
            Files.writeString(layout.stoppedMarker(component), "stopped by kit stop\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.stoppedMarker(component), e);
        }
    }

    /** Lets the supervisor start the part again ({@code kit start}, {@code kit up}). */
    public void clearStopped(String component) {
        try {
            Files.deleteIfExists(layout.stoppedMarker(component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean stoppedByOperator(String component) {
        return Files.exists(layout.stoppedMarker(component));
    }

    /**
     * The live process supervising this stack, if there is one: the foreground {@code kit up}, or the process
     * {@code kit up --detach} left behind. Trusted only while it is still a kit JVM.
     */
    public Optional<ProcessHandle> supervisor() {
        return alive(layout.supervisorPidFile()).filter(handle -> handle.info().commandLine()
                .or(() -> handle.info().arguments().map(args -> String.join(" ", args)))
                .map(line -> line.contains("-Dkit.home=")).orElse(false));
    }

    public void recordSupervisor(long pid) {
        try {
            Files.createDirectories(layout.runDirectory());
            Files.writeString(layout.supervisorPidFile(), Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + layout.supervisorPidFile(), e);
        }
    }

    /**
     * Stops the supervisor first, so that nothing is started again while the stack goes down. A foreground
     * {@code kit up} stops the stack on its way out; that may take as long as stopping every part.
     *
     * @return whether a supervisor was running
     */
    public boolean stopSupervisor() {
        Optional<ProcessHandle> supervisor = supervisor()
                .filter(process -> process.pid() != ProcessHandle.current().pid()); // the supervisor going down
        supervisor.ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(2 * GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
        try {
            Files.deleteIfExists(layout.supervisorPidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return supervisor.isPresent();
    }

    public void forget(String component) {
        try {
            Files.deleteIfExists(layout.pidFile(component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident memory of the process and its children (the MariaDB server counts with its launcher), in MiB. */
    public static long residentMebibytes(ProcessHandle process) {
        long kib = residentKibibytes(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            kib += residentKibibytes(child.pid());
        }
        return kib / 1024;
    }

    private static long residentKibibytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process just ended: report what we could read.
        }
        return 0;
    }
}
