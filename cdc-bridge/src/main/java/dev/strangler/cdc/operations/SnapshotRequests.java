package dev.strangler.cdc.operations;

import dev.strangler.cdc.config.CdcProperties;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Asks Debezium for an incremental snapshot of one captured table, all of it or only some keys, by writing an
 * {@code execute-snapshot} signal into the kit's signal table. The rows are re-read while streaming goes on.
 */
public final class SnapshotRequests {

    private final CdcProperties cdc;
    private final ObjectMapper json;

    public SnapshotRequests(CdcProperties cdc, ObjectMapper json) {
        this.cdc = cdc;
        this.json = json;
    }

    /** @return the signal's id */
    public String request(String table, List<Object> keys) {
        if (cdc.tables().stream().noneMatch(captured -> captured.table().equals(table))) {
            throw new UnknownTableException(table);
        }
        try (Connection connection = connect()) {
            ObjectNode data = json.createObjectNode();
            data.putArray("data-collections").add(table);
            data.put("type", "incremental");
            if (keys != null && !keys.isEmpty()) {
                data.putArray("additional-conditions").addObject()
                        .put("data-collection", table)
                        .put("filter", primaryKey(connection, table) + " IN (" + literals(keys) + ")");
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + cdc.kitTables().signal() + " (id, type, data) VALUES (?, 'execute-snapshot', ?)")) {
                insert.setString(1, id);
                insert.setString(2, json.writeValueAsString(data));
                insert.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the snapshot signal: " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        CdcProperties.Source source = cdc.source();
        return DriverManager.getConnection("jdbc:mysql://" + source.host() + ":" + source.port() + "/",
                source.user(), source.password());
    }

    private static String primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION")) {
            query.setString(1, table.substring(0, table.indexOf('.')));
            query.setString(2, table.substring(table.indexOf('.') + 1));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        if (columns.size() != 1) {
            throw new InvalidSnapshotRequestException("re-snapshotting by keys needs a single-column primary key; "
                    + table + " has " + columns + "; snapshot the whole table instead");
        }
        return "`" + columns.get(0) + "`";
    }

    /** Keys become SQL literals: numbers as they are, anything else as an escaped string. */
    static String literals(List<Object> keys) {
        return keys.stream().map(key -> {
            if (key instanceof Number number) {
                return number.toString();
            }
            if (key instanceof String text) {
                return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
            }
            throw new InvalidSnapshotRequestException("keys must be numbers or strings, not " + key);
        }).collect(Collectors.joining(","));
    }
}
