package dev.strangler.playbook.stack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the kit keeps things: the repository it runs from, and under it {@code .kit/} (git-ignored) for the
 * embedded servers' data, PID files and logs.
 *
 * @param home         the repository root; {@code ./kit} passes it as the {@code kit.home} system property
 * @param kitDirectory the kit's state: {@code KIT_STATE_DIR}, by default {@code <home>/.kit}
 */
public record StackLayout(Path home, Path kitDirectory) {

    /** The layout of a kit at {@code home}, its state in {@code KIT_STATE_DIR} or {@code <home>/.kit}. */
    public static StackLayout of(String home, Map<String, String> environment) {
        Path root = Path.of(home).toAbsolutePath().normalize();
        String state = environment.get("KIT_STATE_DIR");
        return new StackLayout(root, state == null || state.isBlank() ? root.resolve(".kit")
                : Path.of(state).toAbsolutePath());
    }

    public Path runDirectory() {
        return kitDirectory().resolve("run");
    }

    public Path logDirectory() {
        return kitDirectory().resolve("logs");
    }

    public Path pidFile(String component) {
        return runDirectory().resolve(component + ".pid");
    }

    /** Present while an operator stopped the part ({@code kit stop}): the supervisor leaves it stopped. */
    public Path stoppedMarker(String component) {
        return runDirectory().resolve(component + ".stopped");
    }

    /** The PID of the process supervising the stack ({@code kit up}, or the one {@code kit up --detach} left). */
    public Path supervisorPidFile() {
        return runDirectory().resolve("supervisor.pid");
    }

    /** What the detached supervisor says of start-up: {@code starting}, {@code healthy} or {@code failed: why}. */
    public Path supervisorStateFile() {
        return runDirectory().resolve("supervisor.state");
    }

    public Path logFile(String component) {
        return logDirectory().resolve(component + ".log");
    }

    public Path dataDirectory(String component) {
        return kitDirectory().resolve(component);
    }

    /** The {@code java.io.tmpdir} of an embedded server's JVM, outside its data. */
    public Path jvmTemporaryDirectory(String component) {
        return runDirectory().resolve("tmp").resolve(component);
    }

    /** The packaged application of a module: {@code <module>/target/<module>.jar} (or {@code .war}). */
    public Path artifact(String module, String extension) {
        return home.resolve(module).resolve("target").resolve(module + "." + extension);
    }

    /**
     * What a JVM of the stack runs: a copy of the artifact under {@code .kit/run/jars/}. A JVM reads classes from its
     * jar while it runs; a rebuild that rewrote the jar in place made a running broker fail with
     * NoClassDefFoundError.
     */
    public Path runningCopy(Path artifact) {
        return runDirectory().resolve("jars").resolve(artifact.getFileName());
    }

    public Path kitJar() {
        return home.resolve("migration-playbook").resolve("target").resolve("kit.jar");
    }
}
