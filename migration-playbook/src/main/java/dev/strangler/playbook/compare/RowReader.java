package dev.strangler.playbook.compare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a table's rows in key order without loading the table: MySQL Connector/J streams a result set row by row
 * when the fetch size is {@link Integer#MIN_VALUE}.
 */
final class RowReader implements AutoCloseable {

    /** A row: its key values and the compared columns' values, in the order asked for. */
    record Row(List<Object> key, List<Object> values) {
    }

    private final Statement statement;
    private final ResultSet rows;
    private final int keySize;
    private final int valueCount;

    RowReader(Connection connection, String table, List<String> key, List<String> columns) throws SQLException {
        statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE);
        List<String> selected = new ArrayList<>(key);
        selected.addAll(columns);
        rows = statement.executeQuery("SELECT " + String.join(", ", selected.stream().map(RowReader::quote).toList())
                + " FROM " + quote(table) + " ORDER BY " + String.join(", ", orderBy(connection, table, key)));
        keySize = key.size();
        valueCount = columns.size();
    }

    /** @return the next row, or null after the last */
    Row next() throws SQLException {
        if (!rows.next()) {
            return null;
        }
        List<Object> key = new ArrayList<>(keySize);
        for (int i = 1; i <= keySize; i++) {
            key.add(rows.getObject(i));
        }
        List<Object> values = new ArrayList<>(valueCount);
        for (int i = keySize + 1; i <= keySize + valueCount; i++) {
            values.add(rows.getObject(i));
        }
        return new Row(key, values);
    }

    /**
     * The key columns as ORDER BY terms: text columns in their character set's binary collation, so both sides sort
     * by code point whatever collation each table was created with (utf8mb4_unicode_ci puts 'a' before 'B'; a
     * merge join needs the order {@link TableReconciler#compareKeys} compares in), other columns as they are.
     */
    private static List<String> orderBy(Connection connection, String table, List<String> key) throws SQLException {
        List<String> terms = new ArrayList<>();
        try (PreparedStatement columns = connection.prepareStatement("SELECT CHARACTER_SET_NAME FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            for (String column : key) {
                columns.setString(1, table);
                columns.setString(2, column);
                String charset = null;
                try (ResultSet found = columns.executeQuery()) {
                    if (found.next()) {
                        charset = found.getString(1);
                    }
                }
                terms.add(charset == null ? quote(column) : quote(column) + " COLLATE " + quote(charset + "_bin"));
            }
        }
        return terms;
    }

    private static String quote(String identifier) {
        if (!identifier.matches("[A-Za-z0-9_$]+")) {
            throw new IllegalArgumentException("'" + identifier + "' is not a table or column name");
        }
        return "`" + identifier + "`";
    }

    @Override
    public void close() throws SQLException {
        try {
            rows.close();
        } finally {
            statement.close();
        }
    }
}
