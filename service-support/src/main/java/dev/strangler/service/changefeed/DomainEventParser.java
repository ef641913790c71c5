package dev.strangler.service.changefeed;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the records of another service's outbox topic ({@link DomainEvent}); a null value reads as nothing. */
public class DomainEventParser {

    private final JsonMapper json;

    public DomainEventParser(JsonMapper json) {
        this.json = json;
    }

    public Optional<DomainEvent> parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        if (record.key() == null || record.key().isBlank()) {
            throw new UnreadableEventException("the record has no key (the aggregate id)");
        }
        JsonNode payload;
        try {
            payload = json.readTree(record.value());
        } catch (JacksonException e) {
            throw new UnreadableEventException("payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!payload.isObject()) {
            throw new UnreadableEventException("payload is not a JSON object");
        }
        return Optional.of(new DomainEvent(header(record, DomainEvent.ID_HEADER),
                header(record, DomainEvent.AGGREGATE_TYPE_HEADER), record.key(), header(record, DomainEvent.TYPE_HEADER),
                payload));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new UnreadableEventException("header '" + name + "' is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
