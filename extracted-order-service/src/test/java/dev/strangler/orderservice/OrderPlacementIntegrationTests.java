package dev.strangler.orderservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.orderservice.stock.StockKeeper;
import dev.strangler.orderservice.support.LegacyRows;
import dev.strangler.service.ownership.OwnershipMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Placing and cancelling orders in SERVICE_OWNS mode, with the stock held by the (in-process) monolith: nothing
 * oversold, compensation on failure, and nothing left reserved after a crash once recovery has run.
 */
class OrderPlacementIntegrationTests extends OrderServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StockKeeper stock;

    @BeforeEach
    void serviceOwnsOrders() {
        ownership(OwnershipMode.SERVICE_OWNS);
    }

    @Test
    void moreUnitsThanInStockIs409AndLeavesStockAndOrdersUnchanged() {
        long productId = product(3);
        long memberId = activeMember();

        ResponseEntity<Map> refused = place(memberId, Map.of("productId", productId, "quantity", 5));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("type", "https://strangler.dev/problems/insufficient-stock")
                .containsEntry("title", "Insufficient stock").containsEntry("requested", 5).containsEntry("available", 3);
        assertThat(legacyStock(productId)).isEqualTo(3);
        assertThat(ordersOf(memberId)).isZero();
        assertThat(heldAtMonolith(productId)).isZero();
        assertThat(pendingRows(productId)).isZero();
    }

    @Test
    void anUnknownProductIs404AndLeavesNothingToGiveBack() {
        long unknown = 999_999_999_999L;
        long memberId = activeMember();

        ResponseEntity<Map> refused = place(memberId, Map.of("productId", unknown, "quantity", 1));

        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(ordersOf(memberId)).isZero();
        assertThat(pendingRows(unknown)).as("the give-back found nothing held and is done, not left to retry")
                .isZero();
    }

    @Test
    void aLaterLineRunningOutReleasesTheEarlierLinesReservation() {
        long plenty = product(10);
        long scarce = product(1);
        long memberId = activeMember();

        ResponseEntity<Map> refused = place(memberId, Map.of("productId", plenty, "quantity", 2),
                Map.of("productId", scarce, "quantity", 5));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(((Number) refused.getBody().get("productId")).longValue()).isEqualTo(scarce);
        assertThat(legacyStock(plenty)).isEqualTo(10);
        assertThat(heldAtMonolith(plenty)).isZero();
        assertThat(ordersOf(memberId)).isZero();
    }

    @Test
    void aCrashBetweenReservationAndOrderLeavesNoReservedStockOnceRecoveryRan() {
        long productId = product(10);
        long memberId = activeMember();
        crashes.crashNextPlacement();

        ResponseEntity<Map> crashed = place(memberId, Map.of("productId", productId, "quantity", 4));

        assertThat(crashed.getStatusCode().is5xxServerError()).isTrue();
        assertThat(legacyStock(productId)).as("the crash left the units reserved").isEqualTo(6);
        assertThat(pendingRows(productId)).isEqualTo(1);
        assertThat(ordersOf(memberId)).isZero();

        stock.giveBackOlderThan(Duration.ZERO);

        assertThat(legacyStock(productId)).isEqualTo(10);
        assertThat(heldAtMonolith(productId)).isZero();
        assertThat(pendingRows(productId)).isZero();
    }

    @Test
    void placingAndCancellingMovesStockAndRecordsBothEvents() {
        long productId = product(10);
        long memberId = activeMember();

        ResponseEntity<Map> placed = place(memberId, Map.of("productId", productId, "quantity", 3));
        long orderId = ((Number) placed.getBody().get("id")).longValue();
        assertThat(placed.getStatusCode().value()).isEqualTo(201);
        assertThat(placed.getHeaders().getLocation()).hasToString("/api/orders/" + orderId);
        assertThat(legacyStock(productId)).isEqualTo(7);
        assertThat(pendingRows(productId)).isZero();

        Map<String, Object> cancelled = http().post().uri("/api/orders/{id}/cancel", orderId).retrieve().body(Map.class);

        assertThat(cancelled).containsEntry("status", "CANCELLED");
        assertThat(legacyStock(productId)).isEqualTo(10);
        assertThat(pendingRows(productId)).isZero();
        List<Map<String, Object>> events = jdbc.sql("SELECT type, payload FROM OUTBOX_EVENT WHERE aggregatetype = 'Order'"
                + " AND aggregateid = ? ORDER BY seq").param(Long.toString(orderId)).query().listOfRows();
        assertThat(events).extracting(event -> event.get("type")).containsExactly("OrderPlaced", "OrderCancelled");
        JsonNode payload = JSON.readTree(events.get(1).get("payload").toString());
        assertThat(payload.propertyNames()).containsExactlyInAnyOrder("id", "memberId", "status", "orderedAt",
                "totalAmount", "shippingAddress", "updatedAt", "items");
        assertThat(payload.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(payload.get("totalAmount").decimalValue()).isEqualByComparingTo("37.50");
        assertThat(payload.get("items").get(0).propertyNames())
                .containsExactlyInAnyOrder("seq", "productId", "quantity", "unitPrice");
    }

    @Test
    void newOrdersAreNumberedAboveReplicatedLegacyOrders() {
        long memberId = activeMember();
        long legacyOrder = LegacyRows.freshId();
        send("legacy.order", key(Map.of("ORD_NO", legacyOrder)), envelope("TB_ORDER", "c", null,
                LegacyRows.order(legacyOrder, memberId, "30", "5.00", 1_700_000_000_000L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM PURCHASE_ORDER WHERE id = ?")
                .param(legacyOrder).query(Long.class).single() == 1);

        ResponseEntity<Map> placed = place(memberId, Map.of("productId", product(5), "quantity", 1));

        assertThat(((Number) placed.getBody().get("id")).longValue()).isGreaterThan(legacyOrder);
    }

    @Test
    void cancellingAnOrderPlacedInTheMonolithReturnsItsUnits() {
        long productId = product(10);
        long memberId = activeMember();
        long orderId = LegacyRows.freshId();
        send("legacy.order-item", key(Map.of("ORD_NO", orderId, "ITEM_SEQ", 1)),
                envelope("TB_ORDER_ITEM", "c", null, LegacyRows.item(orderId, 1, productId, 4, "12.50")));
        send("legacy.order", key(Map.of("ORD_NO", orderId)), envelope("TB_ORDER", "c", null,
                LegacyRows.order(orderId, memberId, "10", "50.00", 1_700_000_000_000L)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM PURCHASE_ORDER o JOIN ORDER_LINE l"
                + " ON l.order_id = o.id WHERE o.id = ?").param(orderId).query(Long.class).single() == 1);

        http().post().uri("/api/orders/{id}/cancel", orderId).retrieve().toBodilessEntity();
        http().post().uri("/api/orders/{id}/cancel", orderId).retrieve().toBodilessEntity();

        assertThat(legacyStock(productId)).isEqualTo(14);
    }

    @Test
    void whileLegacyOwnsOrdersPlacementIsRefusedAndTakesNoStock() {
        ownership(OwnershipMode.LEGACY_OWNS);
        long productId = product(5);

        ResponseEntity<Map> refused = place(activeMember(), Map.of("productId", productId, "quantity", 1));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("type", "https://strangler.dev/problems/legacy-owns-writes");
        assertThat(legacyStock(productId)).isEqualTo(5);
    }

    @SafeVarargs
    private ResponseEntity<Map> place(long memberId, Map<String, Object>... items) {
        return http().post().uri("/api/orders")
                .body(Map.of("memberId", memberId, "shippingAddress", "12 Test Street", "items", List.of(items)))
                .retrieve().toEntity(Map.class);
    }

    private static long product(int stock) {
        Map<String, Object> created = monolith().post().uri("/api/products")
                .body(Map.of("name", "Item " + System.nanoTime(), "unitPrice", 12.5, "stockQuantity", stock))
                .retrieve().body(Map.class);
        return ((Number) created.get("id")).longValue();
    }

    private long activeMember() {
        long memberId = LegacyRows.freshId();
        send("legacy.member", key(Map.of("MBR_NO", memberId)),
                envelope("TB_MEMBER", "c", null, LegacyRows.member(memberId, 1_700_000_000_000L, "N")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM MEMBER_REPLICA WHERE id = ?")
                .param(memberId).query(Long.class).single() == 1);
        return memberId;
    }

    private static int legacyStock(long productId) {
        return legacyDb().sql("SELECT STOCK_QTY FROM TB_PRODUCT WHERE PRD_NO = ?").param(productId)
                .query(Integer.class).single();
    }

    private static long heldAtMonolith(long productId) {
        return legacyDb().sql("SELECT COUNT(*) FROM TB_STOCK_RESV WHERE PRD_NO = ? AND RESV_STAT_CD = 'R'")
                .param(productId).query(Long.class).single();
    }

    private long pendingRows(long productId) {
        return jdbc.sql("SELECT COUNT(*) FROM PENDING_STOCK WHERE product_id = ?").param(productId)
                .query(Long.class).single();
    }

    private long ordersOf(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM PURCHASE_ORDER WHERE member_id = ?").param(memberId)
                .query(Long.class).single();
    }
}
