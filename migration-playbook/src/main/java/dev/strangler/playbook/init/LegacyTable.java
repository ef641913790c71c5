package dev.strangler.playbook.init;

import java.util.List;

/**
 * A legacy table as {@code kit init} found it.
 *
 * @param name    the table's name
 * @param columns its columns, in the table's order
 * @param key     its primary key columns, in the key's order
 * @param version the column that orders a row's changes, null when none looked like one
 */
record LegacyTable(String name, List<LegacyColumn> columns, List<String> key, String version) {

    LegacyTable {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    /** The columns besides the key, in the table's order. */
    List<LegacyColumn> nonKeyColumns() {
        return columns.stream().filter(column -> !key.contains(column.name())).toList();
    }

    /** The key's columns, in the key's order. */
    List<LegacyColumn> keyColumns() {
        return key.stream().map(name -> columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow())
                .toList();
    }
}
