package dev.strangler.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The stock-reservation API the extracted order service uses: idempotent per id, never oversells. */
class StockReservationIntegrationTests extends MonolithIntegrationTest {

    @Test
    void aReservationTakesUnitsOnceAndItsReleaseGivesThemBackOnce() {
        RestClient http = http();
        long productId = TestData.product(http, "Lamp " + uniqueLoginId("p"), "12.50", 10);
        String id = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = reserve(http, productId, id, 3);
        ResponseEntity<JsonNode> retry = reserve(http, productId, id, 3);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(first.getHeaders().getLocation()).hasToString("/api/products/" + productId + "/stock-reservations/" + id);
        assertThat(first.getBody().get("unitPrice").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(first.getBody().get("status").asString()).isEqualTo("RESERVED");
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(stock(productId)).isEqualTo(7);

        for (int i = 0; i < 2; i++) {
            assertThat(http.delete().uri("/api/products/{p}/stock-reservations/{r}", productId, id).retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(204);
        }
        assertThat(stock(productId)).isEqualTo(10);
        assertThat(reserve(http, productId, id, 3).getBody().get("status").asString()).isEqualTo("RELEASED");
        assertThat(stock(productId)).isEqualTo(10);
    }

    @Test
    void tooFewUnitsIsTheInsufficientStockProblemAndWritesNothing() {
        RestClient http = http();
        long productId = TestData.product(http, "Rare " + uniqueLoginId("p"), "99.00", 2);
        String id = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> refused = reserve(http, productId, id, 3);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("type").asString()).isEqualTo("https://strangler.dev/problems/insufficient-stock");
        assertThat(refused.getBody().get("available").intValue()).isEqualTo(2);
        assertThat(stock(productId)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM TB_STOCK_RESV WHERE RESV_ID = ?").param(id).query(Long.class)
                .single()).isZero();
    }

    @Test
    void unknownProductsAndBadBodiesAreProblems() {
        RestClient http = http();
        long productId = TestData.product(http, "Cup " + uniqueLoginId("p"), "3.00", 5);

        ResponseEntity<JsonNode> unknown = reserve(http, 999_999_999_999L, UUID.randomUUID().toString(), 1);
        ResponseEntity<JsonNode> invalid = http.post().uri("/api/products/{p}/stock-reservations", productId)
                .body(Map.of("reservationId", "not-a-uuid", "quantity", 0)).retrieve().toEntity(JsonNode.class);

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody().get("detail").asString()).isEqualTo("Product 999999999999 was not found");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("errors").size()).isEqualTo(2);
    }

    @Test
    void aReturnGivesUnitsBackOncePerReturnId() {
        RestClient http = http();
        long productId = TestData.product(http, "Mug " + uniqueLoginId("p"), "4.00", 5);
        String id = UUID.randomUUID().toString();

        for (int i = 0; i < 2; i++) {
            http.post().uri("/api/products/{p}/stock-returns", productId)
                    .body(Map.of("reservationId", id, "quantity", 2)).retrieve().toBodilessEntity();
        }

        assertThat(stock(productId)).isEqualTo(7);
    }

    private static ResponseEntity<JsonNode> reserve(RestClient http, long productId, String id, int quantity) {
        return http.post().uri("/api/products/{p}/stock-reservations", productId)
                .body(Map.of("reservationId", id, "quantity", quantity)).retrieve().toEntity(JsonNode.class);
    }

    private int stock(long productId) {
        return jdbc.sql("SELECT STOCK_QTY FROM TB_PRODUCT WHERE PRD_NO = ?").param(productId)
                .query(Integer.class).single();
    }
}
