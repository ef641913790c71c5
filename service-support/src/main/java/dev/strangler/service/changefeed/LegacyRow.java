package dev.strangler.service.changefeed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row image of a change event ({@code before} or {@code after}), in the legacy column names, read as the CDC
 * bridge's Debezium configuration writes each MySQL and MariaDB column type (JSON without schemas,
 * {@code time.precision.mode=connect}, {@code decimal.handling.mode=string}, {@code binary.handling.mode=base64},
 * {@code bigint.unsigned.handling.mode=precise}):
 *
 * <table>
 *     <caption>column types and their readers</caption>
 *     <tr><th>column type</th><th>in the event</th><th>read with</th></tr>
 *     <tr><td>TINYINT … BIGINT</td><td>number</td><td>{@link #longValue}, {@link #intValue}</td></tr>
 *     <tr><td>BIGINT UNSIGNED</td><td>decimal string</td><td>{@link #bigInteger}</td></tr>
 *     <tr><td>DECIMAL, NUMERIC</td><td>decimal string (exact)</td><td>{@link #decimal}</td></tr>
 *     <tr><td>FLOAT, DOUBLE</td><td>number</td><td>{@link #doubleValue}</td></tr>
 *     <tr><td>DATETIME(n)</td><td>epoch milliseconds, the wall-clock time read as UTC</td>
 *     <td>{@link #instant}</td></tr>
 *     <tr><td>TIMESTAMP(n)</td><td>ISO-8601 in UTC, e.g. {@code 2026-11-30T07:39:13.123Z}</td>
 *     <td>{@link #instant}</td></tr>
 *     <tr><td>DATE</td><td>days since 1970-01-01</td><td>{@link #date}</td></tr>
 *     <tr><td>TIME(n)</td><td>milliseconds since midnight</td><td>{@link #time}</td></tr>
 *     <tr><td>YEAR</td><td>number</td><td>{@link #intValue}</td></tr>
 *     <tr><td>BIT(1)</td><td>boolean</td><td>{@link #bool}</td></tr>
 *     <tr><td>BIT(n), BINARY, VARBINARY, BLOB</td><td>base64</td><td>{@link #bytes}</td></tr>
 *     <tr><td>CHAR, VARCHAR, TEXT, ENUM</td><td>string</td><td>{@link #text}</td></tr>
 *     <tr><td>SET</td><td>comma-separated string</td><td>{@link #set}</td></tr>
 *     <tr><td>JSON</td><td>the document as a string</td><td>{@link #json}</td></tr>
 * </table>
 * Every reader has an {@code optional…} form or {@link #has} for NULL. Reading a column that is missing or of the
 * wrong kind is an {@link UnreadableEventException} that names the column.
 *
 * @param table the legacy table the row belongs to, for messages
 * @param json  the row image as Debezium wrote it (no schemas)
 */
public record LegacyRow(String table, JsonNode json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MILLIS_PER_DAY = 86_400_000L;

    public boolean has(String column) {
        JsonNode value = json.get(column);
        return value != null && !value.isNull();
    }

    public long longValue(String column) {
        JsonNode value = required(column);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw unreadable(column, "is not a whole number in range");
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

    /** FLOAT and DOUBLE columns (approximate by nature; DECIMAL is {@link #decimal}). */
    public double doubleValue(String column) {
        JsonNode value = required(column);
        if (!value.isNumber()) {
            throw unreadable(column, "is not a number");
        }
        return value.doubleValue();
    }

    /** BIGINT UNSIGNED, whose values above 2^63 no long holds. */
    public BigInteger bigInteger(String column) {
        JsonNode value = required(column);
        try {
            return value.isIntegralNumber() ? value.bigIntegerValue()
                    : value.isString() ? new BigDecimal(value.stringValue()).toBigIntegerExact()
                    : value.isNumber() ? value.decimalValue().toBigIntegerExact() : null;
        } catch (ArithmeticException | NumberFormatException e) {
            throw unreadable(column, "is not a whole number");
        }
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

    /**
     * A point in time: DATETIME(n) arrives as epoch milliseconds (its wall-clock value read as UTC), TIMESTAMP(n) as
     * an ISO-8601 string in UTC.
     */
    public Instant instant(String column) {
        JsonNode value = required(column);
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        if (value.isString()) {
            try {
                return OffsetDateTime.parse(value.stringValue()).toInstant();
            } catch (DateTimeParseException e) {
                throw unreadable(column, "is not an ISO-8601 timestamp");
            }
        }
        throw unreadable(column, "is neither epoch milliseconds nor an ISO-8601 timestamp");
    }

    /** A nullable point in time. */
    public Instant optionalInstant(String column) {
        return has(column) ? instant(column) : null;
    }

    /** DATE columns arrive as days since 1970-01-01. */
    public LocalDate date(String column) {
        return LocalDate.ofEpochDay(longValue(column));
    }

    /** TIME(n) columns arrive as milliseconds since midnight. */
    public LocalTime time(String column) {
        long millis = longValue(column);
        if (millis < 0 || millis >= MILLIS_PER_DAY) {
            throw unreadable(column, "is not a time of day (MySQL TIME beyond 24 h: read it as longValue)");
        }
        return LocalTime.ofNanoOfDay(millis * 1_000_000);
    }

    /** DECIMAL columns arrive as strings, to keep them exact. */
    public BigDecimal decimal(String column) {
        JsonNode value = required(column);
        try {
            return value.isString() ? new BigDecimal(value.stringValue()) : value.decimalValue();
        } catch (NumberFormatException e) {
            throw unreadable(column, "is not a decimal number");
        }
    }

    /** BIT(1) columns arrive as booleans. */
    public boolean bool(String column) {
        JsonNode value = required(column);
        if (!value.isBoolean()) {
            throw unreadable(column, "is not a boolean");
        }
        return value.booleanValue();
    }

    /** BLOB, BINARY, VARBINARY and BIT(n) columns arrive as base64. */
    public byte[] bytes(String column) {
        try {
            return Base64.getDecoder().decode(text(column));
        } catch (IllegalArgumentException e) {
            throw unreadable(column, "is not base64");
        }
    }

    /** SET columns arrive as the chosen members, comma-separated; an empty set is an empty list. */
    public List<String> set(String column) {
        String members = text(column);
        return members.isEmpty() ? List.of() : Arrays.asList(members.split(","));
    }

    /** JSON columns arrive as the document's text. */
    public JsonNode json(String column) {
        try {
            return JSON.readTree(text(column));
        } catch (JacksonException e) {
            throw unreadable(column, "is not a JSON document");
        }
    }

    /**
     * The column as the version guard compares it, in one number: epoch milliseconds for DATETIME and TIMESTAMP,
     * epoch days for DATE (as Debezium sends it), the value itself for an integer counter or a YEAR.
     */
    public long version(String column) {
        JsonNode value = required(column);
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isString()) {
            try {
                return OffsetDateTime.parse(value.stringValue()).toInstant().toEpochMilli();
            } catch (DateTimeParseException notATimestamp) {
                try {
                    return new BigDecimal(value.stringValue()).longValueExact();
                } catch (NumberFormatException | ArithmeticException notAWholeNumber) {
                    // neither: below
                }
            }
        }
        throw unreadable(column, "is neither a time nor a whole number, so it cannot order versions");
    }

    /**
     * The row's key as the version guard and the repairs name it: the columns' values in order, each as its JSON
     * text, joined by a separator no JSON text contains unescaped. One column's key is its plain value.
     */
    public String key(String... columns) {
        if (columns.length == 1) {
            JsonNode value = required(columns[0]);
            return value.isString() ? value.stringValue() : value.toString();
        }
        StringBuilder key = new StringBuilder();
        for (String column : columns) {
            if (!key.isEmpty()) {
                key.append('\u001f'); // unit separator: JSON text escapes control characters
            }
            key.append(required(column).toString());
        }
        return key.toString();
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
