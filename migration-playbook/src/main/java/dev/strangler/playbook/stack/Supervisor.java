package dev.strangler.playbook.stack;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the parts of a running stack up. A part that exits without {@code kit stop} or {@code kit down} asking is
 * started again: after 1 s, then 2, 4, ... up to 60 s while it keeps dying, back to 1 s once it stayed up for a
 * minute. Each exit is counted in {@code .kit/run/<part>.restarts} ({@code kit status} shows it), said in this
 * supervisor's output, and marked in the part's own log, which a restart appends to. Processes a dead part left
 * behind (the MariaDB server under a killed launcher) are stopped before it starts again, since they hold its
 * port and its data.
 */
public final class Supervisor {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(60);
    private static final Duration STABLE = Duration.ofSeconds(60);
    private static final int DESCENDANTS_EVERY = 10;

    private final StackLayout layout;
    private final KitProcesses processes;
    private final StackLauncher launcher;
    private final List<StackComponent> components;
    private final PrintWriter out;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Watched> parts = new LinkedHashMap<>();
    private volatile boolean stopping;

    public Supervisor(StackLayout layout, KitProcesses processes, List<StackComponent> components, PrintWriter out) {
        this.layout = layout;
        this.processes = processes;
        this.launcher = new StackLauncher(layout, processes);
        this.components = List.copyOf(components);
        this.out = out;
        components.forEach(component -> parts.put(component.name(), new Watched()));
    }

    /** Takes over a part this JVM started, so its exit code is known. */
    public void adopt(String part, Process process) {
        Watched watched = parts.get(part);
        watched.process = process;
        watched.handle = process.toHandle();
        watched.startedAt = clock.instant();
        watched.polls = 0;
    }

    /** Watches the stack until {@link #stop()}; call on a thread of its own. */
    public void run() {
        while (!stopping) {
            for (StackComponent component : components) {
                if (stopping) {
                    return;
                }
                try {
                    check(component, parts.get(component.name()));
                } catch (RuntimeException e) {
                    say("%s: %s; trying again", component.name(), e.getMessage());
                }
            }
            LockSupport.parkNanos(POLL.toNanos()); // the supervisor's polling interval
        }
    }

    /** Stops watching: nothing is started again from now on. */
    public void stop() {
        stopping = true;
    }

    private void check(StackComponent component, Watched part) {
        String name = component.name();
        Instant now = clock.instant();
        if (processes.stoppedByOperator(name)) {
            part.forget();
            return;
        }
        if (part.handle != null && part.handle.isAlive()) {
            if (part.polls++ % DESCENDANTS_EVERY == 0) { // a walk of every process on the machine: not each poll
                part.descendants = part.handle.descendants().toList();
            }
            if (Duration.between(part.startedAt, now).compareTo(STABLE) > 0) {
                part.backOff = FIRST_BACK_OFF;
            }
            return;
        }
        if (part.handle != null) {
            exited(component, part, now);
            return;
        }
        Optional<ProcessHandle> running = processes.running(name);
        if (running.isPresent()) { // started by hand ('kit start' without a supervisor, or before this one)
            part.handle = running.get();
            part.startedAt = now;
            return;
        }
        if (part.restartAt == null) {
            part.restartAt = now; // 'kit start' cleared the operator's stop: start it now
        }
        if (!now.isBefore(part.restartAt)) {
            start(component, part, now);
        }
    }

    private void exited(StackComponent component, Watched part, Instant now) {
        if (processes.stoppedByOperator(component.name())) {
            part.forget(); // 'kit stop' marked it just before it ended
            return;
        }
        String exit = exitOf(part);
        part.descendants.stream().filter(ProcessHandle::isAlive).forEach(KitProcesses::stopTree);
        processes.forget(component.name());
        PartRestarts restarts = PartRestarts.read(layout, component.name()).after(exit, now);
        restarts.write(layout, component.name());
        say("%s exited (%s); starting it again in %d s (restart %d)", component.name(), exit,
                part.backOff.toSeconds(), restarts.restarts());
        part.restartAt = now.plus(part.backOff);
        part.lastExit = exit;
        part.backOff = part.backOff.multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF
                : part.backOff.multipliedBy(2);
        part.process = null;
        part.handle = null;
        part.descendants = List.of();
    }

    private void start(StackComponent component, Watched part, Instant now) {
        try {
            StackLauncher.requireFreePorts(List.of(component));
        } catch (RuntimeException e) {
            part.restartAt = now.plus(FIRST_BACK_OFF);
            say("%s: %s; trying again in %d s", component.name(), e.getMessage(), FIRST_BACK_OFF.toSeconds());
            return;
        }
        Process process = launcher.startAppending(component, part.lastExit == null ? "started by kit start"
                : "started again by the kit's supervisor after it exited: " + part.lastExit);
        adopt(component.name(), process);
        part.restartAt = null;
        part.lastExit = null;
        say("%s started (PID %d)", component.name(), process.pid());
    }

    private static String exitOf(Watched part) {
        if (part.process == null) {
            return "exit code unknown: not started by this supervisor";
        }
        int code = part.process.exitValue();
        return code > 128 ? "exit code " + code + " (killed by signal " + (code - 128) + ")" : "exit code " + code;
    }

    private void say(String format, Object... arguments) {
        out.printf("%s supervisor: %s%n", clock.instant(), String.format(format, arguments));
        out.flush();
    }

    /** What the supervisor knows of one part. */
    private static final class Watched {
        Process process;
        ProcessHandle handle;
        List<ProcessHandle> descendants = List.of();
        Instant startedAt;
        Instant restartAt;
        String lastExit;
        Duration backOff = FIRST_BACK_OFF;
        long polls;

        void forget() {
            process = null;
            handle = null;
            descendants = List.of();
            restartAt = null;
            lastExit = null;
        }
    }
}
