package dev.strangler.playbook.run;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.compare.ContextCatalog;
import dev.strangler.playbook.compare.DataReconciliation;
import dev.strangler.playbook.compare.ReconciliationProgress;
import dev.strangler.playbook.compare.TableReconciliation;
import dev.strangler.playbook.plan.Check;
import dev.strangler.playbook.remote.KitParts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/** Measures a playbook check against the running parts. A check with {@code within} is measured until it holds. */
final class Checks {

    private static final int SETTLED_KEYS = 10_000;
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final KitParts parts;
    private final InfraSettings infra;
    private final Path playbookFile;

    Checks(KitParts parts, InfraSettings infra, Path playbookFile) {
        this.parts = parts;
        this.infra = infra;
        this.playbookFile = playbookFile;
    }

    Evidence measure(Check check) {
        long deadline = System.nanoTime() + within(check).toNanos();
        Evidence evidence = once(check);
        while (!evidence.passed() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos()); // between measurements of a live system
            evidence = once(check);
        }
        return evidence;
    }

    private Evidence once(Check check) {
        try {
            return switch (check.type()) {
                case RECONCILIATION -> reconciliation(check);
                case CDC_LAG -> cdcLag(check);
                case SHADOW_PARITY -> shadowParity(check);
                case ERROR_RATE -> errorRate(check);
                case ROUTE_MODE -> routeMode(check);
                case OWNERSHIP -> ownership(check);
            };
        } catch (KitException e) {
            return new Evidence(check.type().name().toLowerCase(), false, Map.of(), e.getMessage());
        }
    }

    /**
     * Compares twice, a few seconds apart, and counts only the keys that differ both times: under live traffic a row
     * committed a moment ago may not have crossed yet, and that is lag (gated separately), not a difference.
     */
    private Evidence reconciliation(Check check) {
        DataReconciliation reconciliation = new DataReconciliation(infra, SETTLED_KEYS);
        var context = ContextCatalog.load(playbookFile).context(check.context());
        List<TableReconciliation> first = reconciliation.reconcile(context, ReconciliationProgress.NONE);
        List<TableReconciliation> tables = first;
        if (first.stream().anyMatch(table -> table.differences() > 0)) {
            LockSupport.parkNanos(SETTLE.toNanos());
            tables = settled(first, reconciliation.reconcile(context, ReconciliationProgress.NONE));
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
        long allowed = check.maxDifferences() == null ? 0 : check.maxDifferences();
        figures.put("differences", differences);
        return new Evidence("reconciliation of " + check.context() + " (at most " + allowed + " differences)",
                differences <= allowed, figures, differences + " difference(s)");
    }

    /** The second pass, keeping only what the first pass also found. */
    private static List<TableReconciliation> settled(List<TableReconciliation> first, List<TableReconciliation> second) {
        List<TableReconciliation> settled = new java.util.ArrayList<>();
        for (int i = 0; i < second.size(); i++) {
            TableReconciliation a = first.get(i);
            TableReconciliation b = second.get(i);
            settled.add(new TableReconciliation(b.legacyTable(), b.extractedTable(), b.legacyRows(), b.extractedRows(),
                    both(a.missing(), b.missing()), both(a.extra(), b.extra()), both(a.differing(), b.differing())));
        }
        return settled;
    }

    private static TableReconciliation.Listed both(TableReconciliation.Listed a, TableReconciliation.Listed b) {
        java.util.Set<String> earlier = a.first().stream().map(Checks::key).collect(java.util.stream.Collectors.toSet());
        List<String> kept = b.first().stream().filter(entry -> earlier.contains(key(entry))).toList();
        long beyondList = Math.max(0, Math.min(a.count(), b.count()) - SETTLED_KEYS); // unlisted: counted as settled
        return new TableReconciliation.Listed(kept.size() + beyondList, kept);
    }

    private static String key(String entry) {
        return entry.contains(" ") && !entry.startsWith("[") ? entry.substring(0, entry.indexOf(' '))
                : entry.startsWith("[") ? entry.substring(0, entry.indexOf(']') + 1) : entry;
    }

    private Evidence cdcLag(Check check) {
        JsonNode status = parts.cdcStatus();
        Map<String, Object> figures = new LinkedHashMap<>();
        for (JsonNode table : status.path("tables")) {
            figures.put(table.path("table").asString() + " lag ms", table.path("lagMillis").asLong());
        }
        long worst = worstRecentLag(status, check.maxLagMillis());
        long quiet = status.path("lastEventAgeMillis").asLong();
        figures.put("last event age ms", quiet);
        boolean running = status.path("running").asBoolean() && !status.path("paused").asBoolean();
        boolean caughtUp = worst <= check.maxLagMillis();
        return new Evidence("CDC lag at most " + check.maxLagMillis() + " ms", running && caughtUp, figures,
                !running ? "the forward path is not running"
                        : caughtUp ? "caught up (worst lag of a recently active table " + worst + " ms)"
                        : "worst lag of a recently active table " + worst + " ms, last event " + quiet + " ms ago");
    }

    /**
     * The worst lag among tables active within the limit. A table's lag is that of its last event: a table quiet
     * for longer than the limit has nothing read and outstanding, so its old figure (from a burst long past, such
     * as a seed) does not hold the others back.
     */
    static long worstRecentLag(JsonNode status, long limitMillis) {
        long worst = 0;
        for (JsonNode table : status.path("tables")) {
            long age = table.path("lastEventAgeMillis").asLong(-1);
            if (age >= 0 && age < limitMillis) {
                worst = Math.max(worst, table.path("lagMillis").asLong());
            }
        }
        return worst;
    }

    private Evidence shadowParity(Check check) {
        JsonNode parity = parts.parity(check.route());
        long compared = parity.path("compared").asLong();
        double percent = parity.path("parityPercent").isNumber() ? parity.path("parityPercent").asDouble() : 0;
        long needed = check.minCompared() == null ? 1 : check.minCompared();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("compared", compared);
        figures.put("mismatched", parity.path("mismatched").asLong());
        figures.put("parity %", percent);
        figures.put("noise fields", parity.path("noise").size());
        return new Evidence("shadow parity of " + check.route() + " at least " + check.minPercent() + " % over " + needed
                + " comparisons", compared >= needed && percent >= check.minPercent(), figures,
                compared < needed ? "only " + compared + " comparisons" : "parity " + percent + " %");
    }

    private Evidence errorRate(Check check) {
        JsonNode traffic = parts.route(check.route()).path("traffic");
        long extracted = traffic.path("extracted").asLong();
        long failures = traffic.path("extractedFailures").asLong();
        double percent = extracted == 0 ? 0 : 100.0 * failures / extracted;
        return new Evidence("extracted error rate of " + check.route() + " at most " + check.maxPercent() + " %",
                percent <= check.maxPercent(), Map.of("extracted requests", extracted, "failures", failures,
                "error %", percent), "error rate " + percent + " %");
    }

    private Evidence routeMode(Check check) {
        String mode = parts.route(check.route()).path("mode").asString();
        return new Evidence("route " + check.route() + " in " + check.mode(), mode.equals(check.mode()),
                Map.of("mode", mode), "route " + check.route() + " is " + mode);
    }

    private Evidence ownership(Check check) {
        String mode = parts.ownership(check.service()).path("mode").asString();
        return new Evidence(check.service() + " ownership " + check.mode(), mode.equals(check.mode()),
                Map.of("mode", mode), check.service() + " is " + mode);
    }

    static Duration within(Check check) {
        String text = check.within();
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        if (!text.matches("\\d+[sm]")) {
            throw KitException.configuration("within must look like 30s or 2m, not '" + text + "'");
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }
}
