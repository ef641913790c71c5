package dev.strangler.cdc.reverse;

import dev.strangler.cdc.reverse.ReverseProperties.AggregateMapping;
import dev.strangler.cdc.reverse.ReverseProperties.ChildRows;
import dev.strangler.cdc.reverse.ReverseProperties.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Writes one service event into the legacy tables through a mapping: an upsert of the row (and a replacement of its
 * child rows), or a delete. Runs inside the caller's transaction. With a version column, the row is locked and read
 * first, and an event older than it changes nothing: the reverse path never overwrites a newer legacy row.
 */
final class LegacyRowWriter {

    /** What a write did. */
    enum Outcome { APPLIED, OLDER_THAN_LEGACY }

    private final JdbcTemplate jdbc;

    LegacyRowWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Outcome write(AggregateMapping mapping, OutboxEvent event) {
        List<Column> keyColumns = mapping.keyColumns();
        List<Object> key = new ArrayList<>();
        for (Column column : keyColumns) {
            Object value = value(column, event.payload());
            if (value == null) {
                throw new UnreadableEventException("payload has no " + column.field() + " for " + mapping.table());
            }
            key.add(value);
        }
        String where = keyColumns.stream().map(column -> column.column() + " = ?").collect(Collectors.joining(" AND "));
        Optional<Column> version = mapping.version();
        if (version.isPresent() && olderThanLegacy(mapping, version.get(), where, key, event.payload())) {
            return Outcome.OLDER_THAN_LEGACY;
        }
        for (ChildRows children : mapping.children()) {
            jdbc.update("DELETE FROM " + children.table() + " WHERE " + children.parentKeyColumn() + " = ?",
                    key.get(0));
        }
        if (mapping.deleteEventTypes().contains(event.type())) {
            jdbc.update("DELETE FROM " + mapping.table() + " WHERE " + where, key.toArray());
            return Outcome.APPLIED;
        }
        upsert(mapping, event.payload(), keyColumns, key);
        for (ChildRows children : mapping.children()) {
            insertChildren(children, event.payload().path(children.field()), key.get(0));
        }
        return Outcome.APPLIED;
    }

    /** Locks the legacy row (or the gap where it would be) and compares its version with the event's. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean olderThanLegacy(AggregateMapping mapping, Column version, String where, List<Object> key,
                                    JsonNode payload) {
        Object incoming = value(version, payload);
        if (incoming == null) {
            throw new UnreadableEventException("payload has no " + version.field() + ", which versions "
                    + mapping.table());
        }
        List<Object> current = jdbc.query("SELECT " + version.column() + " FROM " + mapping.table() + " WHERE "
                        + where + " FOR UPDATE", (row, n) -> row.getObject(1, incoming.getClass()), key.toArray());
        if (current.isEmpty() || current.get(0) == null) {
            return false;
        }
        return ((Comparable) current.get(0)).compareTo(incoming) > 0;
    }

    private void upsert(AggregateMapping mapping, JsonNode payload, List<Column> keyColumns, List<Object> key) {
        List<String> columns = new ArrayList<>(keyColumns.stream().map(Column::column).toList());
        List<Object> values = new ArrayList<>(key);
        for (Column column : mapping.columns()) {
            columns.add(column.column());
            values.add(value(column, payload));
        }
        String sql = "INSERT INTO " + mapping.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON DUPLICATE KEY UPDATE "
                + mapping.columns().stream().map(c -> c.column() + " = VALUES(" + c.column() + ")")
                .collect(Collectors.joining(", "));
        jdbc.update(sql, values.toArray());
    }

    private void insertChildren(ChildRows children, JsonNode array, Object parentKey) {
        if (!array.isArray() || array.isEmpty()) {
            return;
        }
        List<String> columns = new ArrayList<>(List.of(children.parentKeyColumn()));
        children.columns().forEach(column -> columns.add(column.column()));
        String sql = "INSERT INTO " + children.table() + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        List<Object[]> rows = new ArrayList<>();
        for (JsonNode element : array) {
            List<Object> row = new ArrayList<>(List.of(parentKey));
            children.columns().forEach(column -> row.add(value(column, element)));
            rows.add(row.toArray());
        }
        jdbc.batchUpdate(sql, rows);
    }

    static Object value(Column column, JsonNode payload) {
        JsonNode node = payload;
        for (String part : column.field().split("\\.")) {
            node = node.path(part);
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        String text = node.asString();
        String translated = column.values().getOrDefault(text, text);
        try {
            return switch (column.type()) {
                case TEXT -> translated;
                case NUMBER -> new BigDecimal(translated);
                case INSTANT -> LocalDateTime.ofInstant(Instant.parse(translated), ZoneOffset.UTC);
            };
        } catch (RuntimeException e) {
            throw new UnreadableEventException(column.field() + " = '" + text + "' is not a " + column.type());
        }
    }
}
