package dev.strangler.service.changefeed;

import java.math.BigDecimal;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One row image of a change event ({@code before} or {@code after}), in the legacy column names. Reading a column
 * that is missing or of the wrong kind is an {@link UnreadableEventException} that names the column.
 *
 * @param table the legacy table the row belongs to, for messages
 * @param json  the row image as Debezium wrote it (no schemas)
 */
public record LegacyRow(String table, JsonNode json) {

    public boolean has(String column) {
        JsonNode value = json.get(column);
        return value != null && !value.isNull();
    }

    public long longValue(String column) {
        JsonNode value = required(column);
        if (!value.isIntegralNumber()) {
            throw unreadable(column, "is not a whole number");
        }
        return value.longValue();
    }

    public int intValue(String column) {
        long value = longValue(column);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw unreadable(column, "is out of range");
        }
        return (int) value;
    }

    public String text(String column) {
        JsonNode value = required(column);
        if (!value.isString()) {
            throw unreadable(column, "is not a string");
        }
        return value.stringValue();
    }

    /** A nullable text column: null when the column is null or absent. */
    public String optionalText(String column) {
        return has(column) ? text(column) : null;
    }

    /** DATETIME(3) columns arrive as epoch milliseconds (UTC). */
    public Instant instant(String column) {
        return Instant.ofEpochMilli(longValue(column));
    }

    /** DECIMAL columns arrive as strings, to keep them exact. */
    public BigDecimal decimal(String column) {
        try {
            return new BigDecimal(text(column));
        } catch (NumberFormatException e) {
            throw unreadable(column, "is not a decimal number");
        }
    }

    private JsonNode required(String column) {
        if (!has(column)) {
            throw unreadable(column, "is missing");
        }
        return json.get(column);
    }

    private UnreadableEventException unreadable(String column, String problem) {
        return new UnreadableEventException(table + "." + column + " " + problem);
    }
}
