package dev.strangler.cdc.forward;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.DebeziumConfiguration;
import dev.strangler.cdc.publish.AcknowledgedBatches;
import io.debezium.engine.RecordChangeEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Publishes each batch of change events to its table's topic; the batch is marked processed only once Kafka has
 * acknowledged all of it ({@link AcknowledgedBatches}).
 *
 * <p>Changes the reverse path wrote (its echoes) are published like any other, with the header
 * {@value #ECHO_HEADER} naming the outbox event they came from: every consumer of the topic keeps a complete
 * picture of the table, and the service that wrote the change recognises its own write by its version.
 *
 * <p>It takes Debezium's records as Kafka Connect structs and writes the JSON itself: the transaction id and the
 * source position are read from the struct, where taking Debezium's JSON meant parsing every event again (a seventh
 * of the bridge's CPU during a snapshot).
 */
final class KafkaChangePublisher extends AcknowledgedBatches {

    static final String ECHO_HEADER = "kit-echo";

    private final TopicRouting routing;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final Watermarks watermarks;
    private final JsonConverter keys = json(true);
    private final JsonConverter values = json(false);
    private final EchoFilter echoes = new EchoFilter();

    KafkaChangePublisher(Producer<byte[], byte[]> producer, TopicRouting routing, CaptureMetrics metrics,
                         CapturePause pause, Watermarks watermarks) {
        super(producer);
        this.routing = routing;
        this.metrics = metrics;
        this.pause = pause;
        this.watermarks = watermarks;
    }

    /** Plain JSON without the schema, as the consumers read it, and as a connector on Kafka Connect writes it. */
    private static JsonConverter json(boolean forKeys) {
        JsonConverter converter = new JsonConverter();
        converter.configure(DebeziumConfiguration.CHANGE_EVENT_JSON, forKeys);
        return converter;
    }

    @Override
    protected void beforeBatch() throws InterruptedException {
        pause.awaitResumed();
    }

    @Override
    protected void send(List<RecordChangeEvent<SourceRecord>> records, Batch batch) {
        for (RecordChangeEvent<SourceRecord> change : records) {
            SourceRecord record = change.record();
            String destination = record.topic();
            if (routing.isEchoMarker(destination)) {
                after(record).ifPresent(marker -> echoes.markerSeen(transactionId(record),
                        marker.getString("SOURCE_EVENT_ID")));
                continue;
            }
            if (routing.isWatermark(destination)) {
                after(record).ifPresent(watermark -> {
                    long seq = watermark.getInt64("SEQ");
                    batch.onAcknowledged(() -> watermarks.passed(Watermarks.Stream.FORWARD, seq));
                });
                continue;
            }
            Optional<String> topic = routing.topicFor(destination);
            if (topic.isEmpty()) {
                continue; // transaction boundaries, signals, heartbeats: their position is committed with the batch
            }
            String table = routing.tableFor(destination).orElseThrow();
            byte[] key = keys.fromConnectData(destination, record.keySchema(), record.key());
            boolean tombstone = record.value() == null;
            byte[] value = tombstone ? null : values.fromConnectData(destination, record.valueSchema(), record.value());
            ProducerRecord<byte[], byte[]> published = new ProducerRecord<>(topic.get(), key, value);
            String echoOf = echoes.sourceEvent(transactionId(record));
            if (echoOf != null) {
                published.headers().add(ECHO_HEADER, echoOf.getBytes(StandardCharsets.UTF_8));
                batch.onAcknowledged(() -> metrics.echoPublished(table));
            }
            batch.send(published);
            if (!tombstone) {
                SourcePosition position = SourcePosition.of(((Struct) record.value()).getStruct("source"));
                batch.onAcknowledged(() -> metrics.published(table, position));
            }
        }
    }

    private static Optional<Struct> after(SourceRecord record) {
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("after") == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(envelope.getStruct("after"));
    }

    /** The id of the source transaction a change event belongs to (null in a snapshot, and for tombstones). */
    private static String transactionId(SourceRecord record) {
        if (!(record.value() instanceof Struct envelope) || envelope.schema().field("transaction") == null) {
            return null;
        }
        Struct transaction = envelope.getStruct("transaction");
        return transaction == null ? null : transaction.getString("id");
    }
}
