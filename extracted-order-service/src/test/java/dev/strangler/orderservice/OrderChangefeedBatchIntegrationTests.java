package dev.strangler.orderservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.nextPosition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.orderservice.support.LegacyRows;
import dev.strangler.service.changefeed.testing.DeadLetterTopic;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The legacy.order consumer applying a whole poll at once: what one batch may hold, and what it must not do. */
class OrderChangefeedBatchIntegrationTests extends OrderServiceIntegrationTest {

    private static final String TOPIC = "legacy.order";
    private static final String ITEM_TOPIC = "legacy.order-item";
    private static final String LISTENER = "legacy-order";
    private static final String FILE = "mariadb-bin.000001";
    private static final long MEMBER = 7L;

    @Test
    void severalEventsForOneOrderInOneBatchLeaveOnlyTheNewest() {
        long id = LegacyRows.freshId();
        long ms = 1_800_000_020_000L;
        long newest = nextPosition();
        inOneBatch(LISTENER, () -> {
            send(TOPIC, orderKey(id), envelope("TB_ORDER", "c", null, LegacyRows.order(id, MEMBER, "10", "5.00", ms)));
            send(TOPIC, orderKey(id), envelope("TB_ORDER", "u", null,
                    LegacyRows.order(id, MEMBER, "30", "5.00", ms + 2_000), FILE, newest));
            // Same millisecond, earlier binlog position, arriving later: the tie goes to the later position.
            send(TOPIC, orderKey(id), envelope("TB_ORDER", "u", null,
                    LegacyRows.order(id, MEMBER, "20", "5.00", ms + 2_000), FILE, newest - 50));
            send(TOPIC, orderKey(id), envelope("TB_ORDER", "u", null,
                    LegacyRows.order(id, MEMBER, "90", "5.00", ms + 1_000)));
        });
        awaitMarker();

        assertThat(jdbc.sql("SELECT status FROM PURCHASE_ORDER WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("SHIPPED");
        assertThat(jdbc.sql("SELECT version_ms, source_pos FROM REPLICATED_VERSION WHERE source_table = 'TB_ORDER'"
                        + " AND row_key = ?").param(Long.toString(id)).query().singleRow())
                .containsEntry("version_ms", ms + 2_000).containsEntry("source_pos", newest);
    }

    @Test
    void aLineDeletedAndInsertedAgainInOneTransactionIsThereAfterwards() {
        // The reverse path replaces an order's lines as a whole: a delete, then an insert, in one transaction.
        // Debezium gives both the transaction's position; only their order in it tells them apart.
        long order = LegacyRows.freshId();
        String key = key(Map.of("ORD_NO", order, "ITEM_SEQ", 1));
        send(ITEM_TOPIC, key, envelope("TB_ORDER_ITEM", "c", null, LegacyRows.item(order, 1, 3, 1, "9.00"),
                FILE, nextPosition(), 1L));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(order) == 1);
        long replaced = nextPosition();

        send(ITEM_TOPIC, key, envelope("TB_ORDER_ITEM", "d", LegacyRows.item(order, 1, 3, 1, "9.00"), null,
                FILE, replaced, 1L));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines(order) == 0);
        send(ITEM_TOPIC, key, envelope("TB_ORDER_ITEM", "c", null, LegacyRows.item(order, 1, 3, 2, "9.00"),
                FILE, replaced, 2L));

        await().atMost(Duration.ofSeconds(30)).until(() -> lines(order) == 1);
        assertThat(jdbc.sql("SELECT quantity FROM ORDER_LINE WHERE order_id = ?").param(order).query(Integer.class)
                .single()).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordInABatchIsDeadLetteredAndTheRestApplied() {
        long before = LegacyRows.freshId();
        long bad = LegacyRows.freshId();
        long after = LegacyRows.freshId();
        inOneBatch(LISTENER, () -> {
            send(TOPIC, orderKey(before), envelope("TB_ORDER", "c", null,
                    LegacyRows.order(before, MEMBER, "10", "1.00", 1_800_000_000_000L)));
            send(TOPIC, orderKey(bad), envelope("TB_ORDER", "c", null,
                    LegacyRows.order(bad, MEMBER, "77", "1.00", 1_800_000_000_000L)));
            send(TOPIC, orderKey(after), envelope("TB_ORDER", "c", null,
                    LegacyRows.order(after, MEMBER, "20", "1.00", 1_800_000_000_000L)));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> count(after) == 1);
        assertThat(count(before)).isEqualTo(1);
        assertThat(count(bad)).isZero();
        assertThat(DeadLetterTopic.reasons(TOPIC + ".dlt", List.of(orderKey(bad))).get(orderKey(bad)))
                .contains("ORD_STAT_CD has unknown code '77'");
    }

    @Test
    void aReplayedBatchChangesNothing() {
        long first = LegacyRows.freshId();
        long second = LegacyRows.freshId();
        List<String[]> batch = List.of(
                new String[] {orderKey(first), envelope("TB_ORDER", "c", null,
                        LegacyRows.order(first, MEMBER, "10", "3.00", 1_800_000_000_000L))},
                new String[] {orderKey(second), envelope("TB_ORDER", "c", null,
                        LegacyRows.order(second, MEMBER, "10", "4.00", 1_800_000_000_000L))},
                new String[] {orderKey(second), envelope("TB_ORDER", "u", null,
                        LegacyRows.order(second, MEMBER, "20", "4.00", 1_800_000_001_000L))});
        inOneBatch(LISTENER, () -> batch.forEach(record -> send(TOPIC, record[0], record[1])));
        awaitMarker();
        // A newer change after the batch: the replay must not take the row back.
        send(TOPIC, orderKey(first), envelope("TB_ORDER", "u", null,
                LegacyRows.order(first, MEMBER, "90", "3.00", 1_800_000_002_000L)));
        awaitMarker();
        List<Map<String, Object>> applied = state(first, second);

        inOneBatch(LISTENER, () -> batch.forEach(record -> send(TOPIC, record[0], record[1])));
        awaitMarker();

        assertThat(state(first, second)).isEqualTo(applied);
        assertThat(applied).extracting(row -> row.get("status")).containsExactly("CANCELLED", "PAID");
    }

    @Test
    void aRecordTheDatabaseRefusesIsRetriedThenDeadLetteredAndTheRestOfItsBatchApplied() {
        long before = LegacyRows.freshId();
        long refused = LegacyRows.freshId();
        long after = LegacyRows.freshId();
        // Readable, but longer than PURCHASE_ORDER.shipping_address: the database refuses it, whatever the retry.
        Map<String, Object> tooLong = LegacyRows.order(refused, MEMBER, "10", "1.00", 1_800_000_000_000L);
        tooLong.put("SHIP_ADDR", "x".repeat(501));
        inOneBatch(LISTENER, () -> {
            send(TOPIC, orderKey(before), envelope("TB_ORDER", "c", null,
                    LegacyRows.order(before, MEMBER, "10", "1.00", 1_800_000_000_000L)));
            send(TOPIC, orderKey(refused), envelope("TB_ORDER", "c", null, tooLong));
            send(TOPIC, orderKey(after), envelope("TB_ORDER", "c", null,
                    LegacyRows.order(after, MEMBER, "10", "1.00", 1_800_000_000_000L)));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> count(after) == 1);
        assertThat(count(before)).isEqualTo(1);
        assertThat(count(refused)).isZero();
        assertThat(DeadLetterTopic.reasons(TOPIC + ".dlt", List.of(orderKey(refused))).get(orderKey(refused)))
                .contains("Data too long");
    }

    private List<Map<String, Object>> state(long... ids) {
        return Arrays.stream(ids).mapToObj(id -> {
            Map<String, Object> row = new HashMap<>(jdbc.sql("SELECT status, updated_at FROM PURCHASE_ORDER WHERE id = ?")
                    .param(id).query().singleRow());
            row.putAll(jdbc.sql("SELECT version_ms, source_pos, applied_at FROM REPLICATED_VERSION"
                    + " WHERE source_table = 'TB_ORDER' AND row_key = ?").param(Long.toString(id)).query().singleRow());
            return row;
        }).toList();
    }

    private long lines(long order) {
        return jdbc.sql("SELECT COUNT(*) FROM ORDER_LINE WHERE order_id = ?").param(order).query(Long.class).single();
    }

    private long count(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM PURCHASE_ORDER WHERE id = ?").param(id).query(Long.class).single();
    }

    /** Events on one partition are applied in order: once a later marker is in, everything before it is too. */
    private void awaitMarker() {
        long marker = LegacyRows.freshId();
        send(TOPIC, orderKey(marker), envelope("TB_ORDER", "c", null,
                LegacyRows.order(marker, MEMBER, "10", "1.00", 1_800_000_000_000L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(marker) == 1);
    }

    private static String orderKey(long id) {
        return key(Map.of("ORD_NO", id));
    }
}
