package dev.strangler.playbook.compare;

import dev.strangler.infra.InfraSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A playbook's contexts against the live databases: every table, key and column they name exists, and each key is
 * its table's primary key or a unique index (otherwise reconciliation would pair rows that are not the same row).
 * Reports every problem it finds, each as a sentence; it never stops at the first.
 */
public final class ContextSchemaCheck {

    /** What was checked, and what is wrong. */
    public record Result(int tables, int columns, List<String> problems) {
    }

    private final Accounts accounts;

    public ContextSchemaCheck(InfraSettings infra, Map<String, String> environment) {
        this.accounts = new Accounts(infra, environment);
    }

    public Result check(ContextCatalog catalog) {
        List<String> problems = new ArrayList<>();
        Map<String, Connection> connections = new HashMap<>();
        int tables = 0;
        int columns = 0;
        try {
            for (String name : catalog.names()) {
                for (ContextDefinition.TablePair pair : catalog.context(name).tables()) {
                    List<String> legacyColumns = pair.columns().stream().map(ContextDefinition.ColumnPair::legacy)
                            .toList();
                    List<String> extractedColumns = pair.columns().stream()
                            .map(ContextDefinition.ColumnPair::extracted).toList();
                    columns += check(name, pair.legacy(), legacyColumns, connections, problems);
                    columns += check(name, pair.extracted(), extractedColumns, connections, problems);
                    tables += 2;
                    if (pair.legacy().key().size() != pair.extracted().key().size()) {
                        problems.add("context " + name + ": " + pair.legacy().table() + " has a key of "
                                + pair.legacy().key().size() + " column(s), " + pair.extracted().table() + " of "
                                + pair.extracted().key().size() + "; reconciliation pairs them column by column");
                    }
                }
            }
        } finally {
            connections.values().forEach(ContextSchemaCheck::closeQuietly);
        }
        return new Result(tables, columns, problems);
    }

    /** @return how many columns it checked */
    private int check(String context, ContextDefinition.TableRef table, List<String> columns,
                      Map<String, Connection> connections, List<String> problems) {
        String where = "context " + context + ": " + table.account() + " table " + table.table();
        Connection connection;
        String database;
        try {
            database = accounts.database(table.account());
            connection = connections.get(table.account());
            if (connection == null) {
                connection = accounts.connect(table.account());
                connections.put(table.account(), connection);
            }
        } catch (RuntimeException | SQLException e) {
            problems.add(where + ": cannot connect as account '" + table.account() + "': " + e.getMessage());
            return 0;
        }
        try {
            Set<String> existing = columnsOf(connection, database, table.table());
            if (existing.isEmpty()) {
                problems.add(where + " does not exist in database " + database);
                return 0;
            }
            List<String> named = new ArrayList<>(table.key());
            named.addAll(columns);
            for (String column : named) {
                if (!existing.contains(column.toLowerCase(Locale.ROOT))) {
                    problems.add(where + " has no column " + column + " (it has " + String.join(", ",
                            new TreeSet<>(existing)) + ")");
                }
            }
            Set<String> key = table.key().stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            if (!uniqueKeys(connection, database, table.table()).contains(key)) {
                problems.add(where + ": key (" + String.join(", ", table.key()) + ") is not its primary key or a "
                        + "unique index, so one key could stand for several rows");
            }
            return named.size();
        } catch (SQLException e) {
            problems.add(where + ": cannot read its columns: " + e.getMessage());
            return 0;
        }
    }

    private static Set<String> columnsOf(Connection connection, String database, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            query.setString(1, database);
            query.setString(2, table);
            Set<String> columns = new TreeSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        }
    }

    /** The column sets of the table's primary key and unique indexes. */
    private static List<Set<String>> uniqueKeys(Connection connection, String database, String table)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT INDEX_NAME, COLUMN_NAME"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND NON_UNIQUE = 0")) {
            query.setString(1, database);
            query.setString(2, table);
            Map<String, Set<String>> indexes = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    indexes.computeIfAbsent(rows.getString(1), index -> new TreeSet<>())
                            .add(rows.getString(2).toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(indexes.values());
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // only reading; nothing to lose
        }
    }
}
