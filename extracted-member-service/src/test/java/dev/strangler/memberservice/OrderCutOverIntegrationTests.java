package dev.strangler.memberservice;

import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.envelope;
import static dev.strangler.service.changefeed.testing.DebeziumEnvelopes.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.memberservice.support.LegacyMemberRows;
import dev.strangler.service.changefeed.testing.DomainEvents;
import dev.strangler.service.ownership.OwnershipMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * After the order write cut-over the order service is the source of orders: the open-order rule of member deletes
 * follows its events (outbox.event.Order) as well as TB_ORDER's changes, through one version guard.
 */
class OrderCutOverIntegrationTests extends MemberServiceIntegrationTest {

    @BeforeEach
    void serviceOwnsMembers() {
        ownership(OwnershipMode.SERVICE_OWNS);
    }

    @Test
    void anOrderPlacedAtTheOrderServiceHoldsTheDeleteAndItsCancellationReleasesIt() {
        long member = LegacyMemberRows.freshId();
        send("legacy.member", key(Map.of("MBR_NO", member)), envelope("TB_MEMBER", "c", null,
                LegacyMemberRows.member(member, "김하늘", "B", 1_700_000_000_000L, "N")));
        await().atMost(Duration.ofSeconds(10)).until(() -> http().get().uri("/api/members/{id}", member).retrieve()
                .toBodilessEntity().getStatusCode().value() == 200);
        long order = LegacyMemberRows.freshId();
        Instant placed = Instant.now();

        kafka.send(DomainEvents.event("Order", Long.toString(order), "OrderPlaced",
                DomainEvents.order(order, member, "ORDERED", placed))).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> openOrders(member) == 1);

        ResponseEntity<Map> refused = delete(member);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("type", "https://strangler.dev/problems/member-has-open-orders")
                .containsEntry("openOrders", 1);

        // The reverse path's echo of the placement reaches legacy.order after the cancellation: it must not win.
        kafka.send(DomainEvents.event("Order", Long.toString(order), "OrderCancelled",
                DomainEvents.order(order, member, "CANCELLED", placed.plusMillis(500)))).join();
        send("legacy.order", key(Map.of("ORD_NO", order)), envelope("TB_ORDER", "c", null,
                legacyOrder(order, member, placed.toEpochMilli())));
        await().atMost(Duration.ofSeconds(10)).until(() -> openOrders(member) == 0);

        assertThat(delete(member).getStatusCode().value()).isEqualTo(204);
    }

    private long openOrders(long member) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER_ORDER WHERE member_id = ? AND status IN ('ORDERED', 'PAID')")
                .param(member).query(Long.class).single();
    }

    private ResponseEntity<Map> delete(long member) {
        return http().delete().uri("/api/members/{id}", member).retrieve().toEntity(Map.class);
    }

    private static Map<String, Object> legacyOrder(long order, long member, long updatedMs) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ORD_NO", order);
        row.put("MBR_NO", member);
        row.put("ORD_STAT_CD", "10");
        row.put("ORD_DT", updatedMs);
        row.put("TOT_AMT", "12.50");
        row.put("SHIP_ADDR", "12 Test Street");
        row.put("UPD_DT", updatedMs);
        return row;
    }
}
