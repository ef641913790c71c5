package dev.strangler.playbook.check;

import dev.strangler.playbook.Polling;
import dev.strangler.playbook.compare.TableReconciliation;
import dev.strangler.playbook.compare.TableReconciliation.DifferingRow;
import dev.strangler.playbook.plan.Playbook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A context's legacy tables and the extracted service's agree, row by row, through the context's translation.
 * Compared twice, a few seconds apart when the first pass finds differences, and only keys that differ both times
 * count: under live traffic a row committed a moment ago may not have crossed yet, and that is lag, not a difference.
 *
 * @param context        the context of the playbook's {@code contexts}
 * @param maxDifferences differences allowed (default 0)
 * @param within         how long to keep comparing until they agree (default: once)
 */
public record ReconciliationCheck(String context, Long maxDifferences, String within) implements Check {

    private static final int LISTED = 10_000;
    private static final Duration SETTLE = Duration.ofSeconds(3);

    @Override
    public String describe() {
        return "reconciliation of " + context + " (at most " + allowed() + " differences)";
    }

    @Override
    public List<String> problems(Playbook playbook) {
        List<String> problems = new ArrayList<>();
        if (context == null) {
            problems.add("reconciliation needs a context");
        }
        problems.addAll(Durations.problems("within", within));
        return problems;
    }

    @Override
    public Duration timeLimit() {
        return Durations.parse(within, Duration.ZERO);
    }

    @Override
    public Measurement begin(Probes probes) {
        return () -> {
            List<TableReconciliation> first = probes.reconcile(context, LISTED);
            List<TableReconciliation> tables = first;
            if (first.stream().anyMatch(table -> table.differences() > 0)) {
                Polling.pause(SETTLE);
                tables = settled(first, probes.reconcile(context, LISTED));
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            long differences = 0;
            for (TableReconciliation table : tables) {
                figures.put(table.legacyTable() + " rows", table.legacyRows());
                figures.put(table.extractedTable() + " rows", table.extractedRows());
                figures.put(table.legacyTable() + " missing/extra/differing", table.missing().count() + "/"
                        + table.extra().count() + "/" + table.differing().count());
                differences += table.differences();
            }
            figures.put("differences", differences);
            return Evidence.of(describe(), differences <= allowed(), figures, differences + " difference(s)");
        };
    }

    private long allowed() {
        return maxDifferences == null ? 0 : maxDifferences;
    }

    /** The second pass, keeping only the rows the first pass also found. */
    private static List<TableReconciliation> settled(List<TableReconciliation> first,
                                                     List<TableReconciliation> second) {
        List<TableReconciliation> settled = new ArrayList<>();
        for (int i = 0; i < second.size(); i++) {
            TableReconciliation a = first.get(i);
            TableReconciliation b = second.get(i);
            settled.add(new TableReconciliation(b.legacyTable(), b.extractedTable(), b.legacyRows(), b.extractedRows(),
                    both(a.missing(), b.missing()), both(a.extra(), b.extra()), both(a.differing(), b.differing())));
        }
        return settled;
    }

    private static TableReconciliation.Listed both(TableReconciliation.Listed a, TableReconciliation.Listed b) {
        Set<List<Object>> earlier = a.first().stream().map(DifferingRow::key).collect(Collectors.toSet());
        List<DifferingRow> kept = b.first().stream().filter(row -> earlier.contains(row.key())).toList();
        long beyondList = Math.max(0, Math.min(a.count(), b.count()) - LISTED); // unlisted: counted as settled
        return new TableReconciliation.Listed(kept.size() + beyondList, kept);
    }
}
