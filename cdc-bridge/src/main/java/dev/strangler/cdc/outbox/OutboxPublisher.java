package dev.strangler.cdc.outbox;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.publish.AcknowledgedBatches;
import io.debezium.engine.RecordChangeEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each new outbox row as Debezium's outbox event router does: to {@code <prefix><aggregatetype>}, keyed by
 * {@code aggregateid} (so one aggregate's events stay in order), the payload as the value, the event id and type in
 * the headers {@value #ID_HEADER} and {@value #TYPE_HEADER} (and the aggregate type in
 * {@value #AGGREGATE_TYPE_HEADER}). Deleted rows (the outbox is pruned) are not events.
 */
final class OutboxPublisher extends AcknowledgedBatches {

    static final String ID_HEADER = "id";
    static final String TYPE_HEADER = "eventType";
    static final String AGGREGATE_TYPE_HEADER = "aggregateType";

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final OutboxProperties properties;
    private final Set<String> outboxDestinations;
    private final String watermarkDestination;
    private final Watermarks watermarks;
    private final OutboxStatistics statistics;

    OutboxPublisher(Producer<byte[], byte[]> producer, OutboxProperties properties, String watermarkTable,
                    Watermarks watermarks, OutboxStatistics statistics) {
        super(producer);
        this.properties = properties;
        String prefix = properties.topicPrefix() + ".";
        this.outboxDestinations = Set.copyOf(properties.tables().stream().map(table -> prefix + table).toList());
        this.watermarkDestination = prefix + watermarkTable;
        this.watermarks = watermarks;
        this.statistics = statistics;
    }

    @Override
    protected void send(List<RecordChangeEvent<SourceRecord>> records, Batch batch) {
        for (RecordChangeEvent<SourceRecord> change : records) {
            SourceRecord record = change.record();
            if (!(record.value() instanceof Struct envelope) || envelope.schema().field("after") == null) {
                continue; // tombstones, heartbeats, transaction boundaries
            }
            String op = envelope.getString("op");
            Struct after = envelope.getStruct("after");
            if (after == null || !(op.equals("c") || op.equals("r") || record.topic().equals(watermarkDestination))) {
                continue; // a pruned row is not an event
            }
            if (record.topic().equals(watermarkDestination)) {
                long seq = after.getInt64("SEQ");
                batch.onAcknowledged(() -> watermarks.passed(Watermarks.Stream.OUTBOX, seq));
            } else if (outboxDestinations.contains(record.topic())) {
                batch.send(event(after));
                batch.onAcknowledged(statistics::published);
            }
        }
    }

    private static final String TRACEPARENT = "traceparent";

    private ProducerRecord<byte[], byte[]> event(Struct row) {
        String aggregateType = row.getString("aggregatetype");
        ProducerRecord<byte[], byte[]> event = new ProducerRecord<>(properties.topic(aggregateType),
                bytes(row.getString("aggregateid")), bytes(row.getString("payload")));
        event.headers().add(ID_HEADER, bytes(row.getString("id")))
                .add(TYPE_HEADER, bytes(row.getString("type")))
                .add(AGGREGATE_TYPE_HEADER, bytes(aggregateType));
        // The writing request's trace context, for the consumers to continue its trace (older outboxes lack it).
        if (row.schema().field(TRACEPARENT) != null && row.getString(TRACEPARENT) != null) {
            event.headers().add(TRACEPARENT, bytes(row.getString(TRACEPARENT)));
        }
        log.debug("Outbox event {} {} {} to {}", row.getString("id"), aggregateType, row.getString("type"),
                event.topic());
        return event;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
