package dev.strangler.service.changefeed.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds records exactly as the CDC bridge writes them (its contract): the key is the primary key in legacy
 * column names, the value Debezium's envelope as JSON without schemas. The bridge is not a library, so tests
 * stand in for it with this.
 */
public final class DebeziumEnvelopes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Binlog positions grow across a test run, as the real binlog's do. */
    private static final AtomicLong POSITION = new AtomicLong(4);

    private DebeziumEnvelopes() {
    }

    public static String key(Map<String, Object> key) {
        return JSON.writeValueAsString(key);
    }

    public static long nextPosition() {
        return POSITION.addAndGet(100);
    }

    /** A create, update, snapshot read or delete ({@code c u r d}) of {@code table} at a fresh position. */
    public static String envelope(String table, String op, Map<String, Object> before, Map<String, Object> after) {
        return envelope(table, op, before, after, "mariadb-bin.000001", nextPosition());
    }

    public static String envelope(String table, String op, Map<String, Object> before, Map<String, Object> after,
                                  String file, long position) {
        return envelope(table, op, before, after, file, position, null);
    }

    /**
     * A change that is the {@code order}-th of its transaction: Debezium gives every change of a transaction the
     * transaction's position, and its {@code transaction.total_order}.
     */
    public static String envelope(String table, String op, Map<String, Object> before, Map<String, Object> after,
                                  String file, long position, Long order) {
        long now = System.currentTimeMillis();
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("version", "3.4.0.Final");
        source.put("connector", "mariadb");
        source.put("name", "legacy");
        source.put("ts_ms", now / 1000 * 1000);
        source.put("snapshot", op.equals("r") ? "true" : "false");
        source.put("db", "legacy_db");
        source.put("table", table);
        source.put("server_id", 1);
        source.put("gtid", "0-1-" + position);
        source.put("file", file);
        source.put("pos", position);
        source.put("row", 0);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("before", before);
        envelope.put("after", after);
        envelope.put("source", source);
        envelope.put("transaction", order == null ? null
                : Map.of("id", "tx-" + position, "total_order", order, "data_collection_order", order));
        envelope.put("op", op);
        envelope.put("ts_ms", now);
        return JSON.writeValueAsString(envelope);
    }
}
