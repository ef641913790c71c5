package dev.strangler.cdc.operations;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DatabaseServer;
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
                        .put("filter", filter(primaryKey(connection, table), keys));
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
        DatabaseServer server = cdc.source().server();
        return DriverManager.getConnection(server.jdbcUrl(null, null), server.user(), server.password());
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
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
        if (columns.isEmpty()) {
            throw new InvalidSnapshotRequestException(table + " has no primary key; snapshot the whole table instead");
        }
        return columns;
    }

    /**
     * The rows of these keys: {@code `ID` IN (1,2)} for a one-column key, {@code (`A`, `B`) IN (('x',1),('y',2))}
     * for a composite one, whose keys are each a list of values in the primary key's column order.
     */
    static String filter(List<String> primaryKey, List<Object> keys) {
        String columns = primaryKey.stream().map(column -> "`" + column + "`").collect(Collectors.joining(", "));
        if (primaryKey.size() == 1) {
            return columns + " IN (" + keys.stream().map(key -> literal(key instanceof List<?> one && one.size() == 1
                    ? one.get(0) : key)).collect(Collectors.joining(",")) + ")";
        }
        return "(" + columns + ") IN (" + keys.stream().map(key -> {
            if (!(key instanceof List<?> values) || values.size() != primaryKey.size()) {
                throw new InvalidSnapshotRequestException("each key of this table is a list of " + primaryKey.size()
                        + " values " + primaryKey + ", not " + key);
            }
            return "(" + values.stream().map(SnapshotRequests::literal).collect(Collectors.joining(",")) + ")";
        }).collect(Collectors.joining(",")) + ")";
    }

    /** A key value as an SQL literal: a number as it is, anything else as an escaped string. */
    static String literal(Object key) {
        if (key instanceof Number number) {
            return number.toString();
        }
        if (key instanceof String text) {
            return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
        throw new InvalidSnapshotRequestException("key values must be numbers or strings, not " + key);
    }
}
