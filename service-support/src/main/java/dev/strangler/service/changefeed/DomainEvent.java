package dev.strangler.service.changefeed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;

/**
 * An event another extracted service published from its outbox, as the CDC bridge relays it (Debezium's outbox
 * event router conventions: topic {@code outbox.event.<aggregate type>}, key the aggregate id, the event id and type
 * in headers, the payload as the value). Once that service owns its context's writes, these events are where its
 * changes come from; before, they are simply absent. Reading a field that is missing or of the wrong kind is an
 * {@link UnreadableEventException} naming the field.
 *
 * @param id            the event id (header {@value #ID_HEADER})
 * @param aggregateType for example {@code Member} (header {@value #AGGREGATE_TYPE_HEADER})
 * @param aggregateId   the record key
 * @param type          for example {@code MemberUpdated} (header {@value #TYPE_HEADER})
 * @param payload       the aggregate's full state after the change, in the publishing service's own names
 */
public record DomainEvent(String id, String aggregateType, String aggregateId, String type, JsonNode payload) {

    public static final String ID_HEADER = "id";
    public static final String TYPE_HEADER = "eventType";
    public static final String AGGREGATE_TYPE_HEADER = "aggregateType";

    public long longValue(String field) {
        JsonNode value = required(field);
        if (!value.isIntegralNumber()) {
            throw unreadable(field, "is not a whole number");
        }
        return value.longValue();
    }

    public String text(String field) {
        JsonNode value = required(field);
        if (!value.isString()) {
            throw unreadable(field, "is not a string");
        }
        return value.stringValue();
    }

    public boolean flag(String field) {
        JsonNode value = required(field);
        if (!value.isBoolean()) {
            throw unreadable(field, "is not true or false");
        }
        return value.booleanValue();
    }

    /** Instants are ISO-8601 strings, as the services write them. */
    public Instant instant(String field) {
        try {
            return Instant.parse(text(field));
        } catch (DateTimeParseException e) {
            throw unreadable(field, "is not an ISO-8601 instant");
        }
    }

    /**
     * The version this event carries for the version guard: the owner's write at {@code updatedAtField}, which wins a
     * tie with a forward event of the same millisecond (the reverse path's echo of this very write).
     */
    public SourceVersion version(String updatedAtField) {
        return SourceVersion.ofServiceWrite(instant(updatedAtField));
    }

    private JsonNode required(String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull()) {
            throw unreadable(field, "is missing");
        }
        return value;
    }

    private UnreadableEventException unreadable(String field, String problem) {
        return new UnreadableEventException(aggregateType + " event " + type + ": " + field + " " + problem);
    }
}
