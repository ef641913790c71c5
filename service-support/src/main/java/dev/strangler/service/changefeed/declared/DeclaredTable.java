package dev.strangler.service.changefeed.declared;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.LegacyRow;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.service.changefeed.UnreadableEventException;
import dev.strangler.service.changefeed.declared.DeclaredTablesProperties.ColumnDefinition;
import dev.strangler.service.changefeed.declared.DeclaredTablesProperties.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A legacy table copied by configuration: each event's columns read by their declared types and translated by their
 * value maps, then written set-wise into the service's table. The version guard (its own table) decides which
 * changes are newer, so a replayed or superseded event changes nothing and a delete is never undone by an older
 * insert arriving late. A delete removes the service's row.
 */
final class DeclaredTable implements ReplicatedTable<Map<String, Object>> {

    private final TableDefinition definition;
    private final JdbcTemplate jdbc;
    /** The key first, then the other columns: the order of the upsert's values. */
    private final List<ColumnDefinition> columns;
    private final String[] legacyKey;
    private final List<String> keyColumns;
    private final String versionColumn;
    private final String upsert;
    private final String delete;

    DeclaredTable(TableDefinition definition, JdbcTemplate jdbc) {
        this.definition = definition;
        this.jdbc = jdbc;
        this.columns = Stream.concat(definition.key().stream(), definition.columns().stream()).toList();
        this.legacyKey = definition.key().stream().map(ColumnDefinition::legacy).toArray(String[]::new);
        this.keyColumns = definition.key().stream().map(ColumnDefinition::column).toList();
        // No version column: ordered by the commit and the binlog position alone.
        this.versionColumn = definition.version() == null ? "" : definition.version();
        List<String> names = columns.stream().map(ColumnDefinition::column).toList();
        List<String> others = definition.columns().stream().map(ColumnDefinition::column).toList();
        this.upsert = "INSERT INTO " + definition.target() + " (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(column -> "?").collect(Collectors.joining(", ")) + ")"
                + (others.isEmpty() ? " ON DUPLICATE KEY UPDATE " + keyColumns.get(0) + " = " + keyColumns.get(0)
                : " ON DUPLICATE KEY UPDATE " + others.stream().map(column -> column + " = VALUES(" + column + ")")
                .collect(Collectors.joining(", ")));
        this.delete = "DELETE FROM " + definition.target() + " WHERE "
                + keyColumns.stream().map(column -> column + " = ?").collect(Collectors.joining(" AND "));
    }

    @Override
    public String name() {
        return definition.name();
    }

    String topic() {
        return definition.topic();
    }

    @Override
    public Change<Map<String, Object>> translate(ChangeEvent event) {
        LegacyRow row = event.row();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ColumnDefinition column : columns) {
            values.put(column.column(), value(row, column));
        }
        // An event without a key column is unreadable: LegacyRow.key says which column is missing.
        return Change.of(event, row.key(legacyKey), versionColumn, values);
    }

    @Override
    public void write(List<Change<Map<String, Object>>> newest) {
        List<Object[]> upserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (Change<Map<String, Object>> change : newest) {
            if (change.delete()) {
                deletes.add(keyColumns.stream().map(change.value()::get).toArray());
            } else {
                upserts.add(change.value().values().toArray());
            }
        }
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate(delete, deletes);
        }
        if (!upserts.isEmpty()) {
            jdbc.batchUpdate(upsert, upserts);
        }
    }

    private Object value(LegacyRow row, ColumnDefinition column) {
        Object value;
        try {
            value = column.type().read(row, column.legacy());
        } catch (RuntimeException e) {
            throw new UnreadableEventException(name() + "." + column.legacy() + " is not a readable "
                    + column.type() + ": " + e.getMessage(), e);
        }
        if (value == null || column.values().isEmpty()) {
            return value;
        }
        String translated = column.values().get(value.toString());
        if (translated == null) {
            throw new UnreadableEventException(name() + "." + column.legacy() + " has the value '" + value
                    + "', which its translation does not know (it knows " + column.values().keySet() + ")");
        }
        return translated;
    }
}
