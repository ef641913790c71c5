package dev.strangler.playbook.compare;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Normalises a column value so that the same fact reads the same on both sides. */
public enum ValueType {

    /** Compared as text. */
    TEXT,
    /** Compared as an exact decimal: 12.5 and 12.50 are the same amount. */
    NUMBER,
    /** Compared as epoch milliseconds of a UTC timestamp. */
    INSTANT,
    /** Y/N, 1/0, true/false compared as true or false. */
    BOOLEAN,
    /** A JSON document compared by its content: key order and spacing do not count, 1.50 and 1.5 are equal. */
    JSON,
    /** Binary content (BLOB, BINARY) compared byte for byte. */
    BYTES;

    static final String NULL = "\u2205";
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    String normalise(Object value) {
        if (value == null) {
            return NULL;
        }
        return switch (this) {
            case TEXT -> value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
            case NUMBER -> new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
            case INSTANT -> Long.toString(epochMillis(value));
            case BOOLEAN -> Boolean.toString(switch (value.toString().trim().toUpperCase()) {
                case "Y", "1", "TRUE", "T" -> true;
                default -> false;
            });
            case JSON -> canonicalJson(value);
            case BYTES -> Base64.getEncoder().encodeToString(value instanceof byte[] bytes ? bytes
                    : value.toString().getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Sorted keys, no spacing, exact decimals without trailing zeros; text that is not JSON compares as it is. */
    private static String canonicalJson(Object value) {
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        try {
            return CANONICAL.writeValueAsString(strippedDecimals(CANONICAL.readValue(text, Object.class)));
        } catch (JacksonException e) {
            return text;
        }
    }

    private static Object strippedDecimals(Object node) {
        if (node instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, strippedDecimals(item)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ValueType::strippedDecimals).toList();
        }
        return node;
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
