package dev.strangler.playbook.compare;

import java.util.List;

/**
 * The outcome of comparing one legacy table with its extracted twin.
 *
 * @param legacyTable    the legacy table
 * @param extractedTable the extracted table
 * @param legacyRows     rows read on the legacy side
 * @param extractedRows  rows read on the extracted side
 * @param missing        keys the extracted side lacks (count, then the first ones)
 * @param extra          keys only the extracted side has
 * @param differing      keys whose rows differ, with the differing columns
 */
public record TableReconciliation(String legacyTable, String extractedTable, long legacyRows, long extractedRows,
                                  Listed missing, Listed extra, Listed differing) {

    /** A count and the first few rows. */
    public record Listed(long count, List<DifferingRow> first) {
    }

    /**
     * One row that differs.
     *
     * @param key     the row's key values, in the key columns' order
     * @param columns for a row on both sides, the columns that differ with both values, e.g.
     *                {@code MBR_NM=Kim vs name=Lee}; empty for a missing or extra row
     */
    public record DifferingRow(List<Object> key, List<String> columns) {

        /** {@code 42}, or {@code [42, 1]} for a composite key, then the differing columns. */
        @Override
        public String toString() {
            String text = key.size() == 1 ? String.valueOf(key.get(0)) : key.toString();
            return columns.isEmpty() ? text : text + " " + columns;
        }
    }

    public long differences() {
        return missing.count() + extra.count() + differing.count();
    }
}
