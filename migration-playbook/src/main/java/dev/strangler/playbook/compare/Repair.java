package dev.strangler.playbook.compare;

import dev.strangler.infra.EnvironmentSettings;
import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Re-sends rows from the legacy side: asks the CDC bridge for an incremental snapshot of exactly the missing and
 * differing keys (the whole table when its key has several columns), then waits for the rows to arrive.
 */
final class Repair {

    private static final int MAX_KEYS = 10_000;
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final DataReconciliation reconciliation;
    private final PrintWriter out;
    private final String bridge;

    /** @param infra the stack's settings: repair lists up to {@value #MAX_KEYS} keys, more than a report shows */
    Repair(InfraSettings infra, PrintWriter out) {
        this.reconciliation = new DataReconciliation(infra, MAX_KEYS);
        this.out = out;
        EnvironmentSettings env = new EnvironmentSettings(System.getenv());
        this.bridge = env.text("CDC_BRIDGE_URL", "http://127.0.0.1:" + env.port("CDC_BRIDGE_PORT", 8084));
    }

    void repair(ContextDefinition context) {
        List<TableReconciliation> all = reconciliation.reconcile(context, ReconciliationProgress.NONE);
        for (int i = 0; i < context.tables().size(); i++) {
            ContextDefinition.TablePair pair = context.tables().get(i);
            TableReconciliation result = all.get(i);
            if (result.missing().count() + result.differing().count() == 0) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            result.missing().first().forEach(entry -> keys.add(key(entry)));
            result.differing().first().forEach(entry -> keys.add(key(entry)));
            boolean byKeys = pair.legacy().key().size() == 1 && keys.size() == result.missing().count() + result.differing().count();
            String table = reconciliation.legacyTable(pair);
            String body = byKeys
                    ? "{\"table\":\"" + table + "\",\"keys\":[" + String.join(",", keys) + "]}"
                    : "{\"table\":\"" + table + "\"}";
            send(body);
            out.printf("asked the CDC bridge to re-send %s from %s%n", byKeys ? keys.size() + " row(s)" : "every row", table);
        }
        awaitSettled(context);
    }

    private void awaitSettled(ContextDefinition context) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            long differences = reconciliation.reconcile(context, ReconciliationProgress.NONE).stream()
                    .mapToLong(r -> r.missing().count() + r.differing().count()).sum();
            if (differences == 0) {
                return;
            }
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
        }
        out.println("the re-sent rows had not all arrived after " + SETTLE.toSeconds() + " s");
    }

    private void send(String body) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(bridge + "/cdc/snapshots")).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new KitException(KitException.CHECK_FAILED, "the CDC bridge refused the re-snapshot ("
                        + response.statusCode() + "): " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new KitException(KitException.CHECK_FAILED, "cannot reach the CDC bridge at " + bridge
                    + " (set CDC_BRIDGE_URL): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitException(KitException.CHECK_FAILED, "interrupted");
        }
    }

    /** "42" or "42 [MBR_NM=a vs name=b]" → "42"; string keys are quoted for the bridge. */
    private static String key(String entry) {
        String key = entry.contains(" ") ? entry.substring(0, entry.indexOf(' ')) : entry;
        return key.matches("-?\\d+") ? key : "\"" + key.replace("\"", "\\\"") + "\"";
    }
}
