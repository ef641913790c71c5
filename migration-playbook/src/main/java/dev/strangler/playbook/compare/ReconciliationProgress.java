package dev.strangler.playbook.compare;

/** What a comparison reports while it runs, table by table. */
@FunctionalInterface
public interface ReconciliationProgress {

    /** For callers nobody watches (gates, repair): the totals are not even counted. */
    ReconciliationProgress NONE = (table, done, total) -> { };

    /**
     * @param table the legacy table being compared
     * @param done  rows compared so far
     * @param total rows expected: the larger of the two tables' counts when the comparison started
     */
    void rows(String table, long done, long total);
}
