package dev.strangler.playbook.cdc;

import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.Polling;
import dev.strangler.playbook.remote.JsonHttp;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code kit cdc backfill}: a service's bulk backfill of one legacy table, in the order that leaves no gap. First a
 * barrier through the bridge (so its forward path streams past this moment), then the service's snapshot, then the
 * copy, followed to its end.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Copy a legacy table into an extracted service with the service's bulk backfill, for a table"
                + " too large for the bridge's per-row snapshot (the bridge started with the table in"
                + " CDC_BULK_BACKFILL_TABLES, the service with KIT_BACKFILL_LEGACY_*).",
                "Safe to run again: the copy goes through the service's version guard, as the change feed does."})
final class BackfillCommand implements Runnable {

    private static final Duration BARRIER_WAIT = Duration.ofSeconds(25);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final KitContext kit;

    @Spec
    CommandSpec spec;

    @Option(names = "--service-url", required = true,
            description = "the extracted service that replicates the table, e.g. http://127.0.0.1:8082")
    String serviceUrl;

    @Option(names = "--table", required = true, description = "the legacy table, e.g. TB_MEMBER")
    String table;

    @Option(names = "--timeout", defaultValue = "3600",
            description = "seconds to follow the copy before giving up on watching it (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--barrier-timeout", defaultValue = "600", description = "seconds to wait for the CDC bridge to"
            + " stream past the moment of the request, e.g. while it snapshots other tables (default: ${DEFAULT-VALUE})")
    int barrierTimeoutSeconds;

    BackfillCommand(KitContext kit) {
        this.kit = kit;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (timeoutSeconds < 1) {
            throw KitException.configuration("--timeout must be at least 1 second");
        }
        JsonNode barrier = awaitStreaming(out);
        out.printf("The CDC bridge streams past now (barrier %d in %d ms).%n", barrier.path("watermark").asLong(),
                barrier.path("tookMillis").asLong());
        JsonHttp service = new JsonHttp("the service at " + serviceUrl, serviceUrl, kit.adminToken());
        JsonNode started = service.post("/admin/backfills", Map.of("table", table));
        out.printf("Bulk backfill of %s started from the legacy snapshot at %s:%d.%n", table,
                started.path("snapshotFile").asString(), started.path("snapshotPosition").asLong());
        out.flush();

        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        JsonNode run = started;
        while ("RUNNING".equals(run.path("state").asString()) && System.nanoTime() < deadline) {
            run = Polling.until(PROGRESS_EVERY, Duration.ofSeconds(1), () -> service.get("/admin/backfills/" + table),
                    current -> !"RUNNING".equals(current.path("state").asString()));
            if ("RUNNING".equals(run.path("state").asString())) {
                out.printf("  %,d rows read, %,d written%n", run.path("rowsRead").asLong(),
                        run.path("rowsWritten").asLong());
                out.flush();
            }
        }
        report(out, run);
    }

    /**
     * A complete barrier means the forward path has streamed past this moment, so the snapshot opened next stands
     * after the stream's position: every change after the snapshot reaches the service. A bridge still busy with its
     * own snapshot of the other tables answers 504 until it is done: asked again until {@code --barrier-timeout}.
     */
    private JsonNode awaitStreaming(PrintWriter out) {
        long deadline = System.nanoTime() + Duration.ofSeconds(barrierTimeoutSeconds).toNanos();
        while (true) {
            try {
                return kit.cdcBridge().post("/cdc/barriers?wait=" + BARRIER_WAIT.toMillis() + "ms", Map.of());
            } catch (JsonHttp.Refused refused) {
                // 504: the barrier is not complete yet; any other refusal (a bad token, say) is final.
                if (refused.status() != 504) {
                    throw refused;
                }
                if (System.nanoTime() > deadline) {
                    throw new KitException(KitException.CHECK_FAILED, "the CDC bridge did not stream past now within "
                            + barrierTimeoutSeconds + " s, so no snapshot was opened: " + refused.getMessage());
                }
                out.println("Waiting for the CDC bridge to stream past now: " + refused.getMessage());
                out.flush();
                Polling.pause(Duration.ofSeconds(5));
            }
        }
    }

    private void report(PrintWriter out, JsonNode run) {
        String state = run.path("state").asString();
        if ("RUNNING".equals(state)) {
            throw new KitException(KitException.CHECK_FAILED, "the backfill of " + table + " still runs after "
                    + timeoutSeconds + " s (" + run.path("rowsRead").asLong() + " rows read); follow it with GET "
                    + serviceUrl + "/admin/backfills/" + table);
        }
        if (!"DONE".equals(state)) {
            throw new KitException(KitException.CHECK_FAILED, "the backfill of " + table + " ended " + state + ": "
                    + run.path("problem").asString("") + ". Run it again: rows already copied are kept.");
        }
        out.printf("Done: %,d rows read, %,d written, %,d skipped; %,d rows/s.%n", run.path("rowsRead").asLong(),
                run.path("rowsWritten").asLong(), run.path("rowsSkipped").asLong(),
                run.path("rowsPerSecond").asLong());
        if (run.path("rowsSkipped").asLong() > 0) {
            throw new KitException(KitException.CHECK_FAILED, run.path("rowsSkipped").asLong() + " rows of " + table
                    + " could not be translated and were not copied: " + run.path("problem").asString(""));
        }
        out.println("Check the copy with './kit compare data --context <name>'.");
    }
}
