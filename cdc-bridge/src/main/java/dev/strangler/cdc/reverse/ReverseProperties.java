package dev.strangler.cdc.reverse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reverse path: after a write cut-over, the extracted services' events (relayed from their outboxes to
 * {@code outbox.event.<aggregate type>}) become rows of the legacy tables, so the parts of the monolith that still
 * read them keep working. Every table, column and value translation is configuration.
 *
 * @param consumerGroup the reverse path's Kafka consumer group: its committed offsets are how far it has applied
 * @param mappings      how each aggregate type's events become legacy rows
 */
@Validated
@ConfigurationProperties("kit.cdc.reverse")
public record ReverseProperties(
        @NotBlank String consumerGroup,
        @NotEmpty List<@Valid AggregateMapping> mappings) {

    static final String TABLE = "[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+";
    static final String COLUMN = "[A-Za-z0-9_$]+";

    /**
     * @param aggregateType    the outbox {@code aggregate_type} this mapping handles
     * @param table            the legacy table, as {@code database.table}
     * @param key              the primary key column and the payload field that carries it
     * @param keys               for a composite primary key instead of {@code key}: its columns and fields, in order
     * @param columns          the other columns and their payload fields
     * @param versionColumn    the legacy column that versions a row (one of {@code columns}, e.g. {@code UPD_DT}):
     *                         an event older than the row is not applied, so a newer legacy row is never
     *                         overwritten; absent, every event is applied
     * @param deleteEventTypes outbox event types that delete the row (and its children) instead of upserting it
     * @param children         arrays in the payload that become child rows (replaced as a whole)
     */
    public record AggregateMapping(@NotBlank String aggregateType, @NotBlank @Pattern(regexp = TABLE) String table,
                                   @Valid Column key, List<@Valid Column> keys,
                                   @NotEmpty List<@Valid Column> columns,
                                   @Pattern(regexp = COLUMN) String versionColumn,
                                   List<String> deleteEventTypes, List<@Valid ChildRows> children) {

        public AggregateMapping {
            keys = keys == null ? List.of() : List.copyOf(keys);
            deleteEventTypes = deleteEventTypes == null ? List.of() : List.copyOf(deleteEventTypes);
            children = children == null ? List.of() : List.copyOf(children);
        }

        /** The primary key's columns: {@code keys}, or the one {@code key}. */
        public List<Column> keyColumns() {
            return keys.isEmpty() ? (key == null ? List.of() : List.of(key)) : keys;
        }

        @AssertTrue(message = "give the primary key as key (one column) or keys (several), not both")
        boolean isKeyGivenOnce() {
            return (key == null) != keys.isEmpty();
        }

        @AssertTrue(message = "children need a single-column key (parent-key-column names one column)")
        boolean isChildrenKeySingle() {
            return children.isEmpty() || keyColumns().size() == 1;
        }

        /** The column that versions a row, if there is one. */
        public Optional<Column> version() {
            return columns.stream().filter(column -> column.column().equals(versionColumn)).findFirst();
        }

        @AssertTrue(message = "version-column must be one of the mapping's columns")
        boolean isVersionColumnMapped() {
            return versionColumn == null || columns == null || version().isPresent();
        }
    }

    /**
     * @param column the legacy column
     * @param field  the payload field, dots for nested fields
     * @param values translations of the field's value to the legacy value (for example GOLD to G); others pass as
     *               they are
     * @param type   {@code TEXT} (default), {@code NUMBER} or {@code INSTANT} (an ISO-8601 instant, written as UTC)
     */
    public record Column(@NotBlank @Pattern(regexp = COLUMN) String column, @NotBlank String field,
                         Map<String, String> values, ValueType type) {

        public Column {
            values = values == null ? Map.of() : Map.copyOf(values);
            type = type == null ? ValueType.TEXT : type;
        }
    }

    public enum ValueType { TEXT, NUMBER, INSTANT }

    /**
     * @param field           the payload array
     * @param table           the child table, as {@code database.table}
     * @param parentKeyColumn the child table's column holding the parent's key
     * @param columns         the child columns and the array element's fields
     */
    public record ChildRows(@NotBlank String field, @NotBlank @Pattern(regexp = TABLE) String table,
                            @NotBlank @Pattern(regexp = COLUMN) String parentKeyColumn,
                            @NotEmpty List<@Valid Column> columns) {
    }
}
