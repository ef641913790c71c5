package dev.strangler.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Placing and cancelling orders: stock, totals and all-or-nothing writes, checked in the tables. */
class OrderPlacementIntegrationTests extends MonolithIntegrationTest {

    @Test
    void anOrderThatRunsOutOnItsSecondLineWritesNothing() {
        RestClient http = http();
        long plenty = TestData.product(http, "Plenty " + uniqueLoginId("p"), "1.50", 100);
        long scarce = TestData.product(http, "Scarce " + uniqueLoginId("p"), "9.99", 1);
        long memberId = TestData.member(http, uniqueLoginId("buyer"), "Buyer");

        ResponseEntity<JsonNode> response = http.post().uri("/api/orders").body(Map.of("memberId", memberId,
                        "shippingAddress", "1 Main St", "items", List.of(Map.of("productId", plenty, "quantity", 5),
                                Map.of("productId", scarce, "quantity", 2))))
                .retrieve().toEntity(JsonNode.class);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("type").asString()).isEqualTo("https://strangler.dev/problems/insufficient-stock");
        assertThat(response.getBody().get("productId").longValue()).isEqualTo(scarce);
        assertThat(stock(plenty)).isEqualTo(100);
        assertThat(stock(scarce)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM TB_ORDER WHERE MBR_NO = ?").param(memberId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theTotalIsComputedAndCancellingRestoresStockAndStampsUpdDt() {
        RestClient http = http();
        long productId = TestData.product(http, "Pen " + uniqueLoginId("p"), "2.35", 10);
        long memberId = TestData.member(http, uniqueLoginId("writer"), "Writer");

        JsonNode order = http.post().uri("/api/orders").body(TestData.order(memberId, productId, 3))
                .retrieve().body(JsonNode.class);
        long orderId = order.get("id").longValue();
        String statusBefore = statusCode(orderId);
        JsonNode cancelled = http.post().uri("/api/orders/{id}/cancel", orderId).retrieve().body(JsonNode.class);

        assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("7.05");
        assertThat(statusBefore).isEqualTo("10");
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(statusCode(orderId)).isEqualTo("90");
        assertThat(stock(productId)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT UPD_DT >= ORD_DT FROM TB_ORDER WHERE ORD_NO = ?").param(orderId)
                .query(Boolean.class).single()).isTrue();
    }

    private int stock(long productId) {
        return jdbc.sql("SELECT STOCK_QTY FROM TB_PRODUCT WHERE PRD_NO = ?").param(productId)
                .query(Integer.class).single();
    }

    private String statusCode(long orderId) {
        return jdbc.sql("SELECT ORD_STAT_CD FROM TB_ORDER WHERE ORD_NO = ?").param(orderId)
                .query(String.class).single();
    }
}
