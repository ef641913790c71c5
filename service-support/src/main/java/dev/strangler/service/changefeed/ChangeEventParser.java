package dev.strangler.service.changefeed;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the bridge's records: Debezium envelopes as JSON without schemas. Tombstones (the null value after a
 * delete, there for log compaction) carry nothing new and read as empty.
 */
public class ChangeEventParser {

    private final JsonMapper json;

    public ChangeEventParser(JsonMapper json) {
        this.json = json;
    }

    public Optional<ChangeEvent> parse(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        JsonNode envelope = tree(record.value());
        if (!envelope.isObject()) {
            throw new UnreadableEventException("value is not a JSON object");
        }
        JsonNode source = envelope.path("source");
        String table = source.path("table").asString("");
        if (table.isEmpty()) {
            throw new UnreadableEventException("source.table is missing");
        }
        if (!source.path("ts_ms").isIntegralNumber()) {
            throw new UnreadableEventException("source.ts_ms is missing");
        }
        ChangeEvent.Operation operation = ChangeEvent.Operation.of(envelope.path("op").asString(""));
        LegacyRow before = row(table, envelope.get("before"));
        LegacyRow after = row(table, envelope.get("after"));
        if (operation == ChangeEvent.Operation.DELETE ? before == null : after == null) {
            throw new UnreadableEventException("op '" + envelope.path("op").asString() + "' without its row image");
        }
        JsonNode transactionOrder = envelope.path("transaction").path("total_order");
        ChangeEvent.SourcePosition position = new ChangeEvent.SourcePosition(
                source.path("file").isString() ? source.get("file").stringValue() : null,
                source.path("pos").isIntegralNumber() ? source.get("pos").longValue() : null,
                source.get("ts_ms").longValue(),
                transactionOrder.isIntegralNumber() ? transactionOrder.longValue() : null);
        return Optional.of(new ChangeEvent(table, operation, before, after, position));
    }

    private JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (JacksonException e) {
            throw new UnreadableEventException("value is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static LegacyRow row(String table, JsonNode image) {
        if (image == null || image.isNull()) {
            return null;
        }
        if (!image.isObject()) {
            throw new UnreadableEventException("row image is not a JSON object");
        }
        return new LegacyRow(table, image);
    }
}
