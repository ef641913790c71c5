package dev.strangler.orderservice.support;

import dev.strangler.service.changefeed.testing.DebeziumEnvelopes;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the CDC bridge in the scenario run, both ways: TB_MEMBER and TB_PRODUCT rows the monolith changed
 * go to the topics as Debezium envelopes (forward; the relay then waits until the service applied them, as a
 * playbook waits for CDC lag to reach zero), and the order service's outbox events become TB_ORDER rows
 * (reverse, as the bridge's reverse path does; the monolith's member-delete rule reads them).
 */
public final class LegacyChangeRelay {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient legacy;
    private final JdbcClient service;
    private final KafkaTemplate<String, String> kafka;
    private final Map<String, Long> published = new HashMap<>();
    private long outboxSeq;

    public LegacyChangeRelay(JdbcClient legacy, JdbcClient service, KafkaTemplate<String, String> kafka) {
        this.legacy = legacy;
        this.service = service;
        this.kafka = kafka;
        this.outboxSeq = service.sql("SELECT COALESCE(MAX(seq), 0) FROM OUTBOX_EVENT").query(Long.class).single();
    }

    /** Publishes every member and product row changed since the last call, and waits until the service has them. */
    public synchronized void forward() {
        List<String[]> waitFor = new ArrayList<>();
        publish("TB_MEMBER", "MBR_NO", "legacy.member", waitFor);
        publish("TB_PRODUCT", "PRD_NO", "legacy.product", waitFor);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> waitFor.stream().allMatch(this::applied));
    }

    /** Whether the service has the row at its version: member replicas keep it in the row, the rest in the guard. */
    private boolean applied(String[] row) {
        String table = row[0];
        String key = row[1];
        long version = Long.parseLong(row[2]);
        JdbcClient.StatementSpec query = table.equals("TB_MEMBER")
                // The row version starts with the milliseconds, zero-padded to 20 digits.
                ? service.sql("SELECT COUNT(*) FROM MEMBER_REPLICA WHERE id = ? AND source_version >= LPAD(?, 20, '0')")
                        .params(Long.parseLong(key), version)
                : service.sql("SELECT COUNT(*) FROM REPLICATED_VERSION WHERE source_table = ? AND row_key = ?"
                        + " AND version_ms >= ?").params(table, key, version);
        return query.query(Long.class).single() > 0;
    }

    private void publish(String table, String keyColumn, String topic, List<String[]> waitFor) {
        for (Map<String, Object> row : legacy.sql("SELECT * FROM " + table).query(LegacyChangeRelay::row).list()) {
            String id = row.get(keyColumn).toString();
            long updated = (Long) row.get("UPD_DT");
            Long before = published.put(table + "/" + id, updated);
            if (before != null && before == updated) {
                continue;
            }
            kafka.send(topic, DebeziumEnvelopes.key(Map.of(keyColumn, row.get(keyColumn))),
                    DebeziumEnvelopes.envelope(table, before == null ? "c" : "u", null, row)).join();
            waitFor.add(new String[] {table, id, Long.toString(updated)});
        }
    }

    /** Applies the service's new Order outbox events to TB_ORDER and TB_ORDER_ITEM. */
    public synchronized void reverse() {
        List<Map<String, Object>> events = service.sql("SELECT seq, aggregatetype, payload FROM OUTBOX_EVENT WHERE seq > ?"
                + " ORDER BY seq").param(outboxSeq).query().listOfRows();
        for (Map<String, Object> event : events) {
            outboxSeq = ((Number) event.get("seq")).longValue();
            if ("Order".equals(event.get("aggregatetype"))) {
                applyOrder(JSON.readTree(event.get("payload").toString()));
            }
        }
    }

    private void applyOrder(JsonNode order) {
        String status = switch (order.get("status").asString()) {
            case "ORDERED" -> "10";
            case "PAID" -> "20";
            case "SHIPPED" -> "30";
            default -> "90";
        };
        legacy.sql("""
                INSERT INTO TB_ORDER (ORD_NO, MBR_NO, ORD_STAT_CD, ORD_DT, TOT_AMT, SHIP_ADDR, UPD_DT)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE ORD_STAT_CD = VALUES(ORD_STAT_CD), UPD_DT = VALUES(UPD_DT)""")
                .params(order.get("id").asLong(), order.get("memberId").asLong(), status,
                        utc(order.get("orderedAt").asString()), new BigDecimal(order.get("totalAmount").asString()),
                        order.get("shippingAddress").asString(), utc(order.get("updatedAt").asString()))
                .update();
        for (JsonNode item : order.get("items")) {
            legacy.sql("INSERT IGNORE INTO TB_ORDER_ITEM (ORD_NO, ITEM_SEQ, PRD_NO, QTY, UNIT_PRC) VALUES (?, ?, ?, ?, ?)")
                    .params(order.get("id").asLong(), item.get("seq").asInt(), item.get("productId").asLong(),
                            item.get("quantity").asInt(), new BigDecimal(item.get("unitPrice").asString()))
                    .update();
        }
    }

    private static LocalDateTime utc(String instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    /** A row as Debezium sends it: DATETIME as epoch milliseconds, DECIMAL as a string. */
    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof LocalDateTime time) {
                value = time.toInstant(ZoneOffset.UTC).toEpochMilli();
            } else if (value instanceof Timestamp time) {
                value = time.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
            } else if (value instanceof BigDecimal decimal) {
                value = decimal.toPlainString();
            }
            row.put(rs.getMetaData().getColumnLabel(i), value);
        }
        return row;
    }
}
