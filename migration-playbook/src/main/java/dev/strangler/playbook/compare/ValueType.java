package dev.strangler.playbook.compare;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Normalises a column value so that the same fact reads the same on both sides. */
public enum ValueType {

    /** Compared as text. */
    TEXT,
    /** Compared as an exact decimal: 12.5 and 12.50 are the same amount. */
    NUMBER,
    /** Compared as epoch milliseconds of a UTC timestamp. */
    INSTANT,
    /** Y/N, 1/0, true/false compared as true or false. */
    BOOLEAN;

    static final String NULL = "\u2205";

    String normalise(Object value) {
        if (value == null) {
            return NULL;
        }
        return switch (this) {
            case TEXT -> value.toString();
            case NUMBER -> new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
            case INSTANT -> Long.toString(epochMillis(value));
            case BOOLEAN -> Boolean.toString(switch (value.toString().trim().toUpperCase()) {
                case "Y", "1", "TRUE", "T" -> true;
                default -> false;
            });
        };
    }

    private static long epochMillis(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant().toEpochMilli();
        }
        return LocalDateTime.parse(value.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
