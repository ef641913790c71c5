package dev.strangler.cdc.reverse;

import tools.jackson.databind.JsonNode;

/**
 * One service event as the outbox relay published it (Debezium's outbox event router conventions).
 *
 * @param id            unique event id; the reverse path applies each id once
 * @param aggregateType for example {@code Member}
 * @param aggregateId   the aggregate's key
 * @param type          what happened, for example {@code MemberUpdated}
 * @param payload       the aggregate's state after the change, in the service's own field names
 */
public record OutboxEvent(String id, String aggregateType, String aggregateId, String type, JsonNode payload) {
}
