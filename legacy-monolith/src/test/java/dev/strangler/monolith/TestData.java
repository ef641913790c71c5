package dev.strangler.monolith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Creates members and products through the API, the way a client would. */
public final class TestData {

    private TestData() {
    }

    public static long member(RestClient http, String loginId, String name) {
        return http.post().uri("/api/members")
                .body(Map.of("loginId", loginId, "name", name, "email", loginId + "@example.com"))
                .retrieve().body(JsonNode.class).get("id").longValue();
    }

    public static long product(RestClient http, String name, String unitPrice, int stock) {
        return http.post().uri("/api/products")
                .body(Map.of("name", name, "unitPrice", new BigDecimal(unitPrice), "stockQuantity", stock))
                .retrieve().body(JsonNode.class).get("id").longValue();
    }

    public static Map<String, Object> order(long memberId, long productId, int quantity) {
        return Map.of("memberId", memberId, "shippingAddress", "서울특별시 중구 세종대로 110",
                "items", List.of(Map.of("productId", productId, "quantity", quantity)));
    }
}
