package dev.strangler.orderservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.orderservice.support.LegacyRows;
import dev.strangler.service.changefeed.testing.DomainEvents;
import dev.strangler.service.ownership.OwnershipMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * After the member write cut-over the member service is the source of members: the order service's replica follows
 * its events (outbox.event.Member) as well as TB_MEMBER's changes, through one version guard, so a member registered
 * there can order, one who left cannot, and the reverse path's echo of an earlier state never takes it back.
 */
class MemberCutOverIntegrationTests extends OrderServiceIntegrationTest {

    @BeforeEach
    void serviceOwnsOrders() {
        ownership(OwnershipMode.SERVICE_OWNS);
    }

    @Test
    void aMemberRegisteredAtTheMemberServiceAfterItsCutOverCanOrder() {
        long member = LegacyRows.freshId();
        long productId = product();
        assertThat(place(member, productId).getStatusCode().value()).as("not a member yet").isEqualTo(404);

        kafka.send(DomainEvents.event("Member", Long.toString(member), "MemberRegistered",
                DomainEvents.member(member, false, Instant.now()))).join();

        ResponseEntity<Map> placed = await().atMost(Duration.ofSeconds(10)).until(() -> place(member, productId),
                response -> response.getStatusCode().value() == 201);
        assertThat(((Number) placed.getBody().get("memberId")).longValue()).isEqualTo(member);
        assertThat(placed.getBody()).containsEntry("status", "ORDERED");
    }

    @Test
    void aMemberWhoLeftAtTheMemberServiceCannotOrderAndAnOlderEchoDoesNotBringThemBack() {
        long member = LegacyRows.freshId();
        long productId = product();
        Instant registered = Instant.parse("2026-11-30T10:00:00.000Z");
        Instant left = registered.plusSeconds(60);
        kafka.send(DomainEvents.event("Member", Long.toString(member), "MemberRegistered",
                DomainEvents.member(member, false, registered))).join();
        kafka.send(DomainEvents.event("Member", Long.toString(member), "MemberDeleted",
                DomainEvents.member(member, true, left))).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> deleted(member));

        // The reverse path's echo of the registration reaches legacy.member after the member service's delete.
        send("legacy.member", key(Map.of("MBR_NO", member)),
                envelope("TB_MEMBER", "c", null, LegacyRows.member(member, registered.toEpochMilli(), "N")));
        long marker = LegacyRows.freshId();
        send("legacy.member", key(Map.of("MBR_NO", marker)),
                envelope("TB_MEMBER", "c", null, LegacyRows.member(marker, registered.toEpochMilli(), "N")));
        await().atMost(Duration.ofSeconds(10)).until(() -> exists(marker));

        assertThat(deleted(member)).isTrue();
        ResponseEntity<Map> refused = place(member, productId);
        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(refused.getBody()).containsEntry("detail", "Member " + member + " was not found");
    }

    private boolean deleted(long member) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER_REPLICA WHERE id = ? AND deleted = TRUE").param(member)
                .query(Long.class).single() == 1;
    }

    private boolean exists(long member) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER_REPLICA WHERE id = ?").param(member).query(Long.class).single() == 1;
    }

    private ResponseEntity<Map> place(long memberId, long productId) {
        return http().post().uri("/api/orders").body(Map.of("memberId", memberId, "shippingAddress", "12 Test Street",
                "items", List.of(Map.of("productId", productId, "quantity", 1)))).retrieve().toEntity(Map.class);
    }

    private static long product() {
        Map<String, Object> created = monolith().post().uri("/api/products")
                .body(Map.of("name", "Item " + System.nanoTime(), "unitPrice", 12.5, "stockQuantity", 10))
                .retrieve().body(Map.class);
        return ((Number) created.get("id")).longValue();
    }
}
