package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.InfraSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole stack run through the real launcher ({@code java -jar target/kit.jar}), on free ports and with its state
 * under target/, so tests never touch a developer's running stack. Used by the failsafe tests, after packaging.
 */
final class KitTestStack {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = MODULE.getParent();

    private final Path state;
    private final Map<String, String> environment = testEnvironment();

    /** Starts from an empty state directory, so a run never sees the data or progress of an earlier one. */
    KitTestStack(String name) {
        this(MODULE.resolve("target").resolve(name));
    }

    /** A stack whose state lives in {@code state}, emptied first. */
    KitTestStack(Path state) {
        this.state = state;
        deleteState();
    }

    void deleteState() {
        if (Files.exists(state)) {
            try (var paths = Files.walk(state)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot clear " + state, e);
            }
        }
    }

    /** Waits until the supervisor started {@code part} again after {@code oldPid} died, and it is healthy. */
    void awaitRestarted(String part, long oldPid) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    try {
                        if (pid(part) == oldPid) {
                            return false;
                        }
                    } catch (IOException | NumberFormatException notYetWritten) {
                        return false;
                    }
                    return kit("status").output().lines()
                            .anyMatch(line -> line.startsWith(part + " ") && line.contains(" healthy "));
                });
    }

    record KitRun(int exitCode, String output) {
    }

    KitRun kit(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dkit.home=" + REPOSITORY, "-jar",
                MODULE.resolve("target/kit.jar").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("KIT_STATE_DIR", state.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).isTrue();
        return new KitRun(process.exitValue(), output);
    }

    Map<String, String> environment() {
        return environment;
    }

    InfraSettings infra() {
        return InfraSettings.fromEnvironment(environment);
    }

    Path state() {
        return state;
    }

    long pid(String part) throws IOException {
        return Long.parseLong(Files.readString(state.resolve("run").resolve(part + ".pid")).trim());
    }

    List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(state.resolve("run"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pids.add(Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    /** Free ports for every part, and short bake times and small samples for the playbook's traffic checks. */
    private static Map<String, String> testEnvironment() {
        Map<String, String> environment = freePorts();
        environment.put("KIT_BAKE", "2s");
        // C1 only: the suite's parts and its many short kit commands share two cores, and C2's compiler threads
        // would spend them on peak speed that a test's small load never needs. The kit's default stays full JIT.
        environment.put("KIT_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        // The mechanics of every gate on a sample two clients gather quickly on two cores: at a 10 % canary, five
        // extracted requests take about fifty of the route; the demo's own defaults (20, 50) are for people.
        environment.put("KIT_MIN_SAMPLE", "5");
        environment.put("KIT_MIN_SAMPLE_LARGE", "10");
        // The console shows and runs a one-step playbook of its own, quick to run and roll back from a browser.
        environment.put("KIT_CONSOLE_PLAYBOOK",
                MODULE.resolve("src/test/resources/console/console-check.yml").toString());
        return environment;
    }

    private static Map<String, String> freePorts() {
        Map<String, String> ports = new HashMap<>();
        for (String variable : List.of("KIT_DB_PORT", "KIT_KAFKA_PORT", "KIT_KAFKA_CONTROLLER_PORT", "MONOLITH_PORT",
                "MEMBER_SERVICE_PORT", "ORDER_SERVICE_PORT", "CDC_BRIDGE_PORT", "PROXY_PORT", "PROXY_ADMIN_PORT",
                "KIT_CONSOLE_PORT")) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports.put(variable, Integer.toString(socket.getLocalPort()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return ports;
    }

    static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
