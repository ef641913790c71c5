package dev.strangler.playbook.compare;

import java.util.List;
import java.util.Map;

/**
 * A bounded context as reconciliation sees it: pairs of legacy and extracted tables, and how a legacy column's value
 * reads in the extracted model. The same translation the services apply, written down as data.
 *
 * @param name   for example {@code members}
 * @param tables the table pairs to compare
 */
public record ContextDefinition(String name, List<TablePair> tables) {

    /**
     * @param legacy    the legacy table
     * @param extracted the extracted service's table
     * @param columns   the compared columns, besides the key
     */
    public record TablePair(TableRef legacy, TableRef extracted, List<ColumnPair> columns) {
    }

    /**
     * @param account {@code legacy}, {@code member} or {@code order}: whose database and credentials
     * @param table   the table name in that account's database
     * @param key     the primary key columns, compared in this order
     */
    public record TableRef(String account, String table, List<String> key) {
    }

    /**
     * @param legacy    the legacy column
     * @param extracted the extracted column
     * @param values    legacy value → extracted value (for example G → GOLD); others compare as they are
     * @param type      how values are normalised before comparing
     */
    public record ColumnPair(String legacy, String extracted, Map<String, String> values, ValueType type) {

        public ColumnPair {
            values = values == null ? Map.of() : Map.copyOf(values);
            type = type == null ? ValueType.TEXT : type;
        }
    }
}
