package dev.strangler.playbook.compare;

import dev.strangler.playbook.Polling;
import dev.strangler.playbook.remote.JsonHttp;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-sends rows from the legacy side: asks the CDC bridge for an incremental snapshot of exactly the missing and
 * differing keys (composite ones too; the whole table when there were more than a report keeps), then waits for
 * the rows to arrive.
 */
public final class Repair {

    /** Repair lists up to this many keys, more than a report shows. */
    public static final int MAX_KEYS = 10_000;
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final DataReconciliation reconciliation;
    private final JsonHttp bridge;
    private final PrintWriter out;

    public Repair(DataReconciliation reconciliation, JsonHttp bridge, PrintWriter out) {
        this.reconciliation = reconciliation;
        this.bridge = bridge;
        this.out = out;
    }

    /** One key as the bridge takes it: the value of a one-column key, the values in order of a composite one. */
    private static Object requestKey(List<Object> key) {
        List<Object> values = key.stream().map(value -> value instanceof Number || value instanceof String ? value
                : String.valueOf(value)).toList();
        return values.size() == 1 ? values.get(0) : values;
    }

    public void repair(ContextDefinition context) {
        List<TableReconciliation> all = reconciliation.reconcile(context, ReconciliationProgress.NONE);
        for (int i = 0; i < context.tables().size(); i++) {
            ContextDefinition.TablePair pair = context.tables().get(i);
            TableReconciliation result = all.get(i);
            long toResend = result.missing().count() + result.differing().count();
            if (toResend == 0) {
                continue;
            }
            List<Object> keys = new ArrayList<>();
            result.missing().first().forEach(row -> keys.add(requestKey(row.key())));
            result.differing().first().forEach(row -> keys.add(requestKey(row.key())));
            boolean byKeys = keys.size() == toResend;
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("table", reconciliation.legacyTable(pair));
            if (byKeys) {
                request.put("keys", keys);
            }
            bridge.post("/cdc/snapshots", request);
            out.printf("asked the CDC bridge to re-send %s from %s%n", byKeys ? keys.size() + " row(s)" : "every row",
                    request.get("table"));
        }
        long left = Polling.until(SETTLE, Duration.ofSeconds(2), () -> reconciliation.reconcile(context,
                ReconciliationProgress.NONE).stream().mapToLong(r -> r.missing().count() + r.differing().count()).sum(),
                differences -> differences == 0);
        if (left > 0) {
            out.println("the re-sent rows had not all arrived after " + SETTLE.toSeconds() + " s");
        }
    }
}
