package dev.strangler.cdc.forward;

import org.apache.kafka.connect.data.Struct;

/**
 * Where in the source's binlog a change was read: file and position, the GTID where the server has one, and the
 * source commit time.
 */
public record SourcePosition(String file, long position, String gtid, long committedAtMillis, boolean snapshot) {

    /** From the {@code source} block of a Debezium change event. */
    static SourcePosition of(Struct source) {
        String snapshot = text(source, "snapshot");
        return new SourcePosition(orEmpty(text(source, "file")), number(source, "pos"), text(source, "gtid"),
                number(source, "ts_ms"), snapshot != null && !snapshot.isEmpty() && !snapshot.equals("false"));
    }

    private static String text(Struct source, String field) {
        return source.schema().field(field) == null ? null : (String) source.get(field);
    }

    private static long number(Struct source, String field) {
        Object value = source.schema().field(field) == null ? null : source.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
