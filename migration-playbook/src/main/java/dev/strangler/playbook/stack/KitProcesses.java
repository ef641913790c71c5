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
        Path pidFile = layout.pidFile(component);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> isKitProcess(handle, component));
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
