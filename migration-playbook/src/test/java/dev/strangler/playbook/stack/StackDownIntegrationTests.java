package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kit down} leaves nothing running: the last of {@link WholeStackIntegrationTests}, on its shared stack. */
class StackDownIntegrationTests {

    @Test
    void downLeavesNothingRunning() throws Exception {
        KitTestStack stack = WholeStack.up();
        List<ProcessHandle> everything = new ArrayList<>();
        for (long pid : stack.recordedPids()) {
            ProcessHandle.of(pid).ifPresent(handle -> {
                everything.add(handle);
                everything.addAll(handle.descendants().toList());
            });
        }
        assertThat(everything).as("seven parts and their supervisor").hasSizeGreaterThanOrEqualTo(8);
        KitTestStack.KitRun down = stack.kit("down");
        assertThat(down.exitCode()).isZero();
        assertThat(down.output()).contains("Stopped:");
        assertThat(everything).noneMatch(ProcessHandle::isAlive);
        stack.environment().forEach((variable, port) -> {
            if (variable.endsWith("_PORT")) {
                assertThat(KitTestStack.portIsFree(Integer.parseInt(port))).as("port %s is free", port).isTrue();
            }
        });
    }
}
