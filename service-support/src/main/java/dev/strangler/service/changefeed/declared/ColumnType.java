package dev.strangler.service.changefeed.declared;

import dev.strangler.service.changefeed.LegacyRow;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * How a declared column's value is read from a change event and handed to JDBC. {@code AS_IS} takes the event's
 * JSON as it stands (text as text, a number as an exact decimal, a boolean as a boolean); the others read the shapes
 * Debezium gives the MySQL and MariaDB types ({@link LegacyRow}).
 */
public enum ColumnType {
    AS_IS, TEXT, NUMBER, INSTANT, DATE, TIME, BOOLEAN, BYTES, JSON, SET;

    /** The column's value, null where the event has none. */
    Object read(LegacyRow row, String column) {
        if (!row.has(column)) {
            return null;
        }
        return switch (this) {
            case AS_IS -> asIs(row.json().path(column));
            case TEXT, SET -> row.text(column); // a SET arrives as its members joined by commas
            case NUMBER -> row.decimal(column);
            // A DATETIME column of the service holds the instant in UTC, as the kit's services do; a LocalDateTime
            // reaches the server as written, whatever the JVM's or the session's time zone.
            case INSTANT -> LocalDateTime.ofInstant(row.instant(column), ZoneOffset.UTC);
            case DATE -> row.date(column);
            case TIME -> row.time(column);
            case BOOLEAN -> row.bool(column);
            case BYTES -> row.bytes(column);
            case JSON -> row.json(column).toString();
        };
    }

    private static Object asIs(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.toString();
    }
}
