package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.playbook.KitException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: recorded, recognised by their marker, and stopped. */
class KitProcessesIntegrationTests {

    @TempDir
    Path state;

    private Process started;

    @AfterEach
    void stopLeftovers() {
        if (started != null) {
            started.destroyForcibly();
        }
    }

    @Test
    void recognisesAndStopsTheProcessItStarted() throws IOException {
        KitProcesses processes = new KitProcesses(new StackLayout(state, state));
        started = new ProcessBuilder("sh", "-c", "sleep 60", "-Dkit.process=probe").start();
        processes.record("probe", started.pid());

        assertThat(processes.running("probe")).map(ProcessHandle::pid).contains(started.pid());
        assertThat(processes.stop("probe")).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> !started.isAlive());
        assertThat(Files.exists(state.resolve("run/probe.pid"))).isFalse();
        assertThat(processes.stop("probe")).isFalse();
    }

    @Test
    void neverTrustsAPidWhoseProcessIsNotTheKits() throws IOException {
        KitProcesses processes = new KitProcesses(new StackLayout(state, state));
        started = new ProcessBuilder("sh", "-c", "sleep 60").start();
        processes.record("probe", started.pid());

        assertThat(processes.running("probe")).isEmpty();
        assertThat(processes.stop("probe")).isFalse();
        assertThat(started.isAlive()).isTrue();
    }

    @Test
    void namesTheSettingOfAPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackComponent component = new StackComponent("legacy-monolith", "http://127.0.0.1", List.of(
                    new PortSetting(taken.getLocalPort(), "MONOLITH_PORT")), Path.of("monolith.war"), List.of(), Map.of(),
                    () -> HealthCheck.Health.HEALTHY, null);

            assertThatThrownBy(() -> StackLauncher.requireFreePorts(List.of(component)))
                    .isInstanceOf(KitException.class)
                    .hasMessage("port " + taken.getLocalPort() + " for legacy-monolith is already in use; "
                            + "set MONOLITH_PORT to a free port");
        }
    }
}
