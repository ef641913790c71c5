package dev.strangler.service.changefeed.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds records exactly as the CDC bridge's outbox relay publishes a service's events (its contract, Debezium's
 * outbox event router conventions): topic {@code outbox.event.<type>}, key the aggregate id, headers {@code id},
 * {@code eventType} and {@code aggregateType}, the payload as the value.
 */
public final class DomainEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DomainEvents() {
    }

    public static ProducerRecord<String, String> event(String aggregateType, String aggregateId, String type,
                                                       Map<String, Object> payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>("outbox.event." + aggregateType, aggregateId,
                JSON.writeValueAsString(payload));
        record.headers().add("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                .add("eventType", type.getBytes(StandardCharsets.UTF_8))
                .add("aggregateType", aggregateType.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The member service's payload of a member after a change. */
    public static Map<String, Object> member(long id, boolean deleted, Instant updatedAt) {
        return Map.of("id", id, "loginId", "member-" + id, "name", "Member " + id, "email", "m" + id + "@example.com",
                "grade", "BRONZE", "joinedAt", "2026-11-01T09:30:00.123Z", "updatedAt", updatedAt.toString(),
                "deleted", deleted);
    }

    /** The order service's payload of an order after a change. */
    public static Map<String, Object> order(long id, long memberId, String status, Instant updatedAt) {
        return Map.of("id", id, "memberId", memberId, "status", status, "orderedAt", "2026-11-30T09:00:00.000Z",
                "totalAmount", "12.50", "shippingAddress", "12 Test Street", "updatedAt", updatedAt.toString(),
                "items", java.util.List.of());
    }
}
