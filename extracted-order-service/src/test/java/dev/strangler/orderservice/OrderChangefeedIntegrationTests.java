package dev.strangler.orderservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.orderservice.support.LegacyRows;
import dev.strangler.service.changefeed.testing.DeadLetterTopic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The order, order-item and member consumers on the real broker and database, fed with the bridge's envelopes. */
class OrderChangefeedIntegrationTests extends OrderServiceIntegrationTest {

    @Test
    void aLegacyOrderIsReplicatedOnceAndServedWithTheMonolithsShape() {
        long memberId = activeMember();
        long orderId = LegacyRows.freshId();
        String created = envelope("TB_ORDER", "c", null, LegacyRows.order(orderId, memberId, "10", "25.00", 1_800_000_000_000L));
        String line = envelope("TB_ORDER_ITEM", "c", null, LegacyRows.item(orderId, 1, 42, 2, "12.50"));

        send("legacy.order-item", key(Map.of("ORD_NO", orderId, "ITEM_SEQ", 1)), line);
        send("legacy.order", key(Map.of("ORD_NO", orderId)), created);
        send("legacy.order", key(Map.of("ORD_NO", orderId)), created);
        send("legacy.order-item", key(Map.of("ORD_NO", orderId, "ITEM_SEQ", 1)), line);
        awaitOrder(marker(memberId));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM PURCHASE_ORDER WHERE id = ?").param(orderId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ORDER_LINE WHERE order_id = ?").param(orderId).query(Long.class)
                .single()).isEqualTo(1);
        Map<String, Object> order = http().get().uri("/api/orders/{id}", orderId).retrieve().body(Map.class);
        assertThat(order).containsEntry("status", "ORDERED").containsEntry("totalAmount", 25.00)
                .containsEntry("orderedAt", "2023-11-14T22:13:20Z");
        assertThat(((Number) order.get("memberId")).longValue()).isEqualTo(memberId);
        assertThat(order.get("items").toString()).contains("unitPrice=12.5").contains("productId=42");
    }

    @Test
    void anOlderOrderEventAfterANewerOneChangesNothing() {
        long memberId = activeMember();
        long orderId = LegacyRows.freshId();
        send("legacy.order", key(Map.of("ORD_NO", orderId)),
                envelope("TB_ORDER", "u", null, LegacyRows.order(orderId, memberId, "30", "10.00", 1_800_000_002_000L)));
        send("legacy.order", key(Map.of("ORD_NO", orderId)),
                envelope("TB_ORDER", "u", null, LegacyRows.order(orderId, memberId, "10", "10.00", 1_800_000_001_000L)));
        awaitOrder(marker(memberId));

        assertThat(jdbc.sql("SELECT status FROM PURCHASE_ORDER WHERE id = ?").param(orderId).query(String.class)
                .single()).isEqualTo("SHIPPED");
    }

    @Test
    void anUnknownStatusCodeIsDeadLetteredAndTheNextGoodEventApplied() {
        long memberId = activeMember();
        long bad = LegacyRows.freshId();
        send("legacy.order", key(Map.of("ORD_NO", bad)),
                envelope("TB_ORDER", "c", null, LegacyRows.order(bad, memberId, "55", "1.00", 1_800_000_000_000L)));
        send("legacy.order", key(Map.of("ORD_NO", bad + 1)), "not json at all");
        long good = marker(memberId);

        awaitOrder(good);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM PURCHASE_ORDER WHERE id = ?").param(bad).query(Long.class).single())
                .isZero();
        Map<String, String> reasons = DeadLetterTopic.reasons("legacy.order.dlt",
                List.of(key(Map.of("ORD_NO", bad)), key(Map.of("ORD_NO", bad + 1))));
        assertThat(reasons.get(key(Map.of("ORD_NO", bad)))).contains("ORD_STAT_CD has unknown code '55'");
        assertThat(reasons.get(key(Map.of("ORD_NO", bad + 1)))).contains("not valid JSON");
    }

    @Test
    void aSoftDeletedMemberHasNoOrdersToShow() {
        long memberId = activeMember();
        assertThat(http().get().uri("/api/members/{id}/orders", memberId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);

        send("legacy.member", key(Map.of("MBR_NO", memberId)),
                envelope("TB_MEMBER", "u", null, LegacyRows.member(memberId, 1_800_000_001_000L, "Y")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http().get()
                .uri("/api/members/{id}/orders", memberId).retrieve().body(Map.class))
                .containsEntry("status", 404).containsEntry("detail", "Member " + memberId + " was not found"));
    }

    @Test
    void productsAreReplicatedWithExactPrices() {
        long productId = LegacyRows.freshId();
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("PRD_NO", productId);
        row.put("PRD_NM", "연필 세트");
        row.put("UNIT_PRC", "1200.50");
        row.put("STOCK_QTY", 30);
        row.put("UPD_DT", 1_800_000_000_000L);
        send("legacy.product", key(Map.of("PRD_NO", productId)), envelope("TB_PRODUCT", "r", null, row));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM PRODUCT_REPLICA WHERE id = ?")
                .param(productId).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT unit_price FROM PRODUCT_REPLICA WHERE id = ?").param(productId)
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1200.50");
    }

    private long activeMember() {
        long memberId = LegacyRows.freshId();
        send("legacy.member", key(Map.of("MBR_NO", memberId)),
                envelope("TB_MEMBER", "c", null, LegacyRows.member(memberId, 1_800_000_000_000L, "N")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM MEMBER_REPLICA WHERE id = ?")
                .param(memberId).query(Long.class).single() == 1);
        return memberId;
    }

    /** A later order on the same partition: once it is in, everything sent before it is too. */
    private long marker(long memberId) {
        long marker = LegacyRows.freshId();
        send("legacy.order", key(Map.of("ORD_NO", marker)),
                envelope("TB_ORDER", "c", null, LegacyRows.order(marker, memberId, "10", "1.00", 1_800_000_000_000L)));
        send("legacy.order-item", key(Map.of("ORD_NO", marker, "ITEM_SEQ", 1)),
                envelope("TB_ORDER_ITEM", "c", null, LegacyRows.item(marker, 1, 1, 1, "1.00")));
        return marker;
    }

    private void awaitOrder(long orderId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM ORDER_LINE WHERE order_id = ?")
                .param(orderId).query(Long.class).single() == 1
                && jdbc.sql("SELECT COUNT(*) FROM PURCHASE_ORDER WHERE id = ?").param(orderId).query(Long.class).single() == 1);
    }
}
