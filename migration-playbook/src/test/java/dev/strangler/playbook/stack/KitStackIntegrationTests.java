package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole stack through the real launcher: {@code kit up --detach}, {@code status}, a refused second {@code up},
 * then {@code kit down} leaving no process running and no port bound. Runs after packaging (failsafe), on free
 * ports and with its state under target/, so it never touches a developer's running stack.
 */
class KitStackIntegrationTests {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPOSITORY = MODULE.getParent();
    private static final Path STATE = MODULE.resolve("target/kit-stack-test");

    private final Map<String, String> environment = freePorts();

    @AfterEach
    void alwaysDown() throws Exception {
        kit("down"); // whatever a failed assertion left running
    }

    @Test
    void upReachesAllHealthyAndDownLeavesNothingRunning() throws Exception {
        KitRun up = kit("up", "--detach", "--timeout", "300");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("All 7 parts healthy");

        KitRun status = kit("status");
        assertThat(status.output().lines().filter(line -> line.contains(" healthy "))).hasSize(7);
        List<Long> pids = recordedPids();
        assertThat(pids).hasSize(7);

        KitRun again = kit("up", "--detach");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output()).contains("the stack is already running");

        HttpResponse<String> throughProxy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + environment.get("PROXY_PORT") + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(throughProxy.statusCode()).as("the proxy forwards to the monolith").isEqualTo(200);
        assertThat(throughProxy.body()).contains("\"UP\"");

        List<ProcessHandle> everything = new ArrayList<>();
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(handle -> {
            everything.add(handle);
            everything.addAll(handle.descendants().toList());
        }));
        KitRun down = kit("down");
        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("Stopped:");
        assertThat(everything).noneMatch(ProcessHandle::isAlive);
        for (String port : environment.values()) {
            assertThat(portIsFree(Integer.parseInt(port))).as("port %s is free", port).isTrue();
        }
    }

    private List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(STATE.resolve("run"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                pids.add(Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    record KitRun(int exitCode, String output) {
    }

    private KitRun kit(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dkit.home=" + REPOSITORY, "-jar", MODULE.resolve("target/kit.jar").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("KIT_STATE_DIR", STATE.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).isTrue();
        return new KitRun(process.exitValue(), output);
    }

    private static Map<String, String> freePorts() {
        Map<String, String> ports = new HashMap<>();
        for (String variable : List.of("KIT_DB_PORT", "KIT_KAFKA_PORT", "KIT_KAFKA_CONTROLLER_PORT", "MONOLITH_PORT",
                "MEMBER_SERVICE_PORT", "ORDER_SERVICE_PORT", "CDC_BRIDGE_PORT", "PROXY_PORT", "PROXY_ADMIN_PORT")) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ports.put(variable, Integer.toString(socket.getLocalPort()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return ports;
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
