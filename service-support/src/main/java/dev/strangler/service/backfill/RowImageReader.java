package dev.strangler.service.backfill;

import dev.strangler.service.changefeed.LegacyRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Locale;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads legacy rows from JDBC into the row image the CDC bridge's Debezium events carry (see {@link LegacyRow} for
 * the encoding of each column type), so that a table translates a bulk-read row exactly as it translates a snapshot
 * event of the same row. The contract is pinned by the bridge's column-types test, which compares both images.
 */
public final class RowImageReader {

    private enum Kind { INTEGER, UNSIGNED_BIGINT, DECIMAL, FLOATING, DATETIME, TIMESTAMP, DATE, TIME, BIT, BITS, BYTES,
        TEXT }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String table;
    private final String[] names;
    private final Kind[] kinds;
    private final DateTimeFormatter[] timestamps;

    public RowImageReader(String table, ResultSetMetaData columns) throws SQLException {
        this.table = table;
        int count = columns.getColumnCount();
        names = new String[count];
        kinds = new Kind[count];
        timestamps = new DateTimeFormatter[count];
        for (int i = 0; i < count; i++) {
            names[i] = columns.getColumnLabel(i + 1);
            kinds[i] = kind(columns.getColumnTypeName(i + 1).toUpperCase(Locale.ROOT), columns.getPrecision(i + 1));
            if (kinds[i] == Kind.TIMESTAMP) {
                timestamps[i] = isoUtc(fractionDigits(columns.getPrecision(i + 1), columns.getScale(i + 1)));
            }
        }
    }

    private static Kind kind(String type, int precision) {
        if (type.startsWith("BIGINT") && type.endsWith("UNSIGNED")) {
            return Kind.UNSIGNED_BIGINT;
        }
        String base = type.split(" ")[0];
        return switch (base) {
            case "TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "YEAR" -> Kind.INTEGER;
            case "DECIMAL", "NUMERIC" -> Kind.DECIMAL;
            case "FLOAT", "DOUBLE", "REAL" -> Kind.FLOATING;
            case "DATETIME" -> Kind.DATETIME;
            case "TIMESTAMP" -> Kind.TIMESTAMP;
            case "DATE" -> Kind.DATE;
            case "TIME" -> Kind.TIME;
            case "BIT" -> precision <= 1 ? Kind.BIT : Kind.BITS;
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB", "GEOMETRY" -> Kind.BYTES;
            default -> Kind.TEXT;
        };
    }

    // The driver reports a TIMESTAMP(n)'s n as its scale on some servers, as its display width (19, or 20 + n) on others.
    private static int fractionDigits(int precision, int scale) {
        return scale > 0 ? scale : Math.max(0, Math.min(9, precision - 20));
    }

    /** The current row of {@code rows}. */
    public LegacyRow read(ResultSet rows) throws SQLException {
        ObjectNode image = NODES.objectNode();
        for (int i = 0; i < names.length; i++) {
            int column = i + 1;
            String name = names[i];
            switch (kinds[i]) {
                case INTEGER -> {
                    long value = rows.getLong(column);
                    if (!rows.wasNull()) {
                        image.put(name, value);
                    }
                }
                case UNSIGNED_BIGINT -> {
                    String value = rows.getString(column);
                    if (value != null) {
                        image.put(name, new BigInteger(value));
                    }
                }
                case DECIMAL -> {
                    BigDecimal value = rows.getBigDecimal(column);
                    if (value != null) {
                        image.put(name, value.toPlainString());
                    }
                }
                case FLOATING -> {
                    double value = rows.getDouble(column);
                    if (!rows.wasNull()) {
                        image.put(name, value);
                    }
                }
                case DATETIME -> {
                    LocalDateTime value = rows.getObject(column, LocalDateTime.class);
                    if (value != null) {
                        image.put(name, value.toInstant(ZoneOffset.UTC).toEpochMilli());
                    }
                }
                case TIMESTAMP -> {
                    Timestamp value = rows.getTimestamp(column);
                    if (value != null) {
                        image.put(name, timestamps[i].format(value.toInstant()));
                    }
                }
                case DATE -> {
                    LocalDate value = rows.getObject(column, LocalDate.class);
                    if (value != null) {
                        image.put(name, value.toEpochDay());
                    }
                }
                case TIME -> {
                    LocalTime value = rows.getObject(column, LocalTime.class);
                    if (value != null) {
                        image.put(name, value.toNanoOfDay() / 1_000_000);
                    }
                }
                case BIT -> {
                    boolean value = rows.getBoolean(column);
                    if (!rows.wasNull()) {
                        image.put(name, value);
                    }
                }
                case BITS -> {
                    byte[] value = rows.getBytes(column);
                    if (value != null) {
                        image.put(name, Base64.getEncoder().encodeToString(littleEndian(value)));
                    }
                }
                case BYTES -> {
                    byte[] value = rows.getBytes(column);
                    if (value != null) {
                        image.put(name, Base64.getEncoder().encodeToString(value));
                    }
                }
                case TEXT -> {
                    String value = rows.getString(column);
                    if (value != null) {
                        image.put(name, value);
                    }
                }
            }
            if (!image.has(name)) {
                image.putNull(name);
            }
        }
        return new LegacyRow(table, image);
    }

    /** Debezium's ZonedTimestamp: ISO-8601 in UTC with as many fraction digits as the column keeps. */
    private static DateTimeFormatter isoUtc(int fractionDigits) {
        DateTimeFormatterBuilder format = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (fractionDigits > 0) {
            format.appendFraction(ChronoField.NANO_OF_SECOND, fractionDigits, fractionDigits, true);
        }
        return format.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
    }

    // Debezium sends BIT(n) as its bytes least significant first; JDBC reads them most significant first.
    private static byte[] littleEndian(byte[] bigEndian) {
        byte[] reversed = new byte[bigEndian.length];
        for (int i = 0; i < bigEndian.length; i++) {
            reversed[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return reversed;
    }
}
