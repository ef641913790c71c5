package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole stack through the real launcher: {@code kit up --detach}, {@code status}, a refused second {@code up},
 * then {@code kit down} leaving no process running and no port bound. Runs after packaging (failsafe).
 */
class KitStackIntegrationTests {

    private final KitTestStack stack = new KitTestStack("kit-stack-test");

    @AfterEach
    void alwaysDown() throws Exception {
        stack.kit("down"); // whatever a failed assertion left running
    }

    @Test
    void upReachesAllHealthyAndDownLeavesNothingRunning() throws Exception {
        KitTestStack.KitRun up = stack.kit("up", "--detach", "--timeout", "300");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("All 7 parts healthy");

        KitTestStack.KitRun status = stack.kit("status");
        assertThat(status.output().lines().filter(line -> line.contains(" healthy "))).hasSize(7);
        List<Long> pids = stack.recordedPids();
        assertThat(pids).hasSize(7);

        KitTestStack.KitRun again = stack.kit("up", "--detach");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output()).contains("the stack is already running");

        HttpResponse<String> throughProxy = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + stack.environment().get("PROXY_PORT") + "/api/products")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(throughProxy.statusCode()).as("the proxy forwards to the monolith").isEqualTo(200);
        assertThat(throughProxy.body()).contains("\"content\"");

        List<ProcessHandle> everything = new ArrayList<>();
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(handle -> {
            everything.add(handle);
            everything.addAll(handle.descendants().toList());
        }));
        KitTestStack.KitRun down = stack.kit("down");
        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("Stopped:");
        assertThat(everything).noneMatch(ProcessHandle::isAlive);
        for (String port : stack.environment().values()) {
            assertThat(KitTestStack.portIsFree(Integer.parseInt(port))).as("port %s is free", port).isTrue();
        }
    }
}
