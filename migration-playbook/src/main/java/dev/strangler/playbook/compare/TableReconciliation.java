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

    /** A count and the first few entries. */
    public record Listed(long count, List<String> first) {
    }

    public long differences() {
        return missing.count() + extra.count() + differing.count();
    }
}
