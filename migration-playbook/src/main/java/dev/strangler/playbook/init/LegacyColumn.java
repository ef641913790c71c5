package dev.strangler.playbook.init;

/**
 * One column of a legacy table as {@code information_schema} describes it.
 *
 * @param name       the column's name
 * @param dataType   the bare type, lower case ({@code decimal}, {@code timestamp}, {@code enum})
 * @param columnType the full type as the DDL writes it ({@code decimal(12,3)}, {@code enum('A','H')},
 *                   {@code int(10) unsigned})
 * @param nullable   whether it takes NULL
 * @param charset    its character set, null for a column that holds no text
 * @param collation  its collation, null for a column that holds no text
 * @param onUpdate   whether the server sets it on every update ({@code ON UPDATE CURRENT_TIMESTAMP})
 * @param generation the expression of a generated column, null for a column that is written
 * @param stored     for a generated column: stored (true) or virtual (false)
 * @param json       MariaDB's JSON: a {@code longtext} with a {@code json_valid} check, which the DDL writes as JSON
 */
record LegacyColumn(String name, String dataType, String columnType, boolean nullable, String charset,
                    String collation, boolean onUpdate, String generation, boolean stored, boolean json) {

    boolean generated() {
        return generation != null;
    }

    boolean isTime() {
        return dataType.equals("timestamp") || dataType.equals("datetime");
    }
}
