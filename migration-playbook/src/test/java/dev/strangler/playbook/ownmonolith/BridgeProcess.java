package dev.strangler.playbook.ownmonolith;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CDC bridge, run as a process of its own with nothing but command-line settings: what a team does
 * with the kit's jar and its own monolith. Its log is kept beside its state for when a test fails.
 */
final class BridgeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final String url;
    private final String token;

    private BridgeProcess(Process process, Path log, String url, String token) {
        this.process = process;
        this.log = log;
        this.url = url;
        this.token = token;
    }

    /**
     * Starts the bridge; {@link #awaitUp()} waits until it reports UP.
     *
     * @param token its operations API's operator token, which this sends on every call
     */
    static BridgeProcess start(Path work, int port, String token, Map<String, String> settings) throws IOException {
        Path jar = Path.of("..", "cdc-bridge", "target", "cdc-bridge.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the cdc-bridge module first"
                    + " (./mvnw -B install -DskipTests -pl cdc-bridge -am)");
        }
        Files.createDirectories(work);
        // A copy: the running JVM reads classes from its jar, which a rebuild would rewrite.
        Path running = Files.copy(jar, work.resolve("cdc-bridge.jar"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + work, "-jar", running.toString(),
                "--server.port=" + port, "--kit.cdc.operations.token=" + token));
        settings.forEach((name, value) -> command.add("--" + name + "=" + value));
        Path log = work.resolve("cdc-bridge.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new BridgeProcess(process, log, "http://127.0.0.1:" + port, token);
    }

    void awaitUp() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .failFast("the bridge exited; its log: " + log, () -> !process.isAlive())
                .until(() -> statusOf(HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                        .header("Authorization", "Bearer " + token).GET().build()) == 200);
    }

    String url() {
        return url;
    }

    String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).GET()
                .build());
    }

    String put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The status of an unauthenticated call. */
    int statusWithoutToken(String path) {
        return statusOf(HttpRequest.newBuilder(URI.create(url + path)).GET().build());
    }

    /**
     * The answer's status, -1 while unreachable. Health is judged by it: 200 only when every component is UP, where
     * the body shows components' "UP" also when the whole is DOWN (a capture not yet running).
     */
    private static int statusOf(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "unreachable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while stopping the bridge", e));
        }
    }
}
