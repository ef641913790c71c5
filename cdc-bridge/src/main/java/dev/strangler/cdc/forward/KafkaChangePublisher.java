package dev.strangler.cdc.forward;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each batch of change events to its table's topic, and marks the batch processed only once Kafka has
 * acknowledged every record of it ({@code acks=all}, idempotent producer). Offsets therefore never run ahead of
 * what Kafka holds: after a crash the engine re-reads at most the unacknowledged batch (at-least-once).
 *
 * <p>It takes Debezium's records as Kafka Connect structs and writes the JSON itself: the transaction id and the
 * source position are read from the struct, where taking Debezium's JSON meant parsing every event again (a seventh
 * of the bridge's CPU during a snapshot).
 */
final class KafkaChangePublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(KafkaChangePublisher.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final Producer<byte[], byte[]> producer;
    private final TopicRouting routing;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final JsonConverter keys = json(true);
    private final JsonConverter values = json(false);
    private final EchoFilter echoes = new EchoFilter();
    private volatile boolean stopping;

    KafkaChangePublisher(Producer<byte[], byte[]> producer, TopicRouting routing, CaptureMetrics metrics,
                         CapturePause pause) {
        this.producer = producer;
        this.routing = routing;
        this.metrics = metrics;
        this.pause = pause;
    }

    /** Plain JSON without the schema, as the consumers read it (what Debezium's Json format wrote). */
    private static JsonConverter json(boolean forKeys) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), forKeys);
        return converter;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        pause.awaitResumed();
        while (!publish(records)) {
            if (stopping) {
                throw new InterruptedException("stopping with an unacknowledged batch; it is re-read on the next start");
            }
            Thread.sleep(RETRY_BACKOFF.toMillis()); // Kafka unavailable: keep the batch, retry it whole
        }
        for (RecordChangeEvent<SourceRecord> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    /** Lets a batch that Kafka keeps refusing give up, so the engine can stop; its offsets stay uncommitted. */
    void stopping() {
        stopping = true;
    }

    @Override
    public boolean supportsTombstoneEvents() {
        return true;
    }

    private boolean publish(List<RecordChangeEvent<SourceRecord>> records) throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        List<Runnable> onAcknowledged = new ArrayList<>(records.size());
        byte[] droppedKey = null;
        for (RecordChangeEvent<SourceRecord> change : records) {
            SourceRecord record = change.record();
            String destination = record.topic();
            if (routing.isEchoMarker(destination)) {
                echoes.markerSeen(transactionId(record));
                continue;
            }
            Optional<String> topic = routing.topicFor(destination);
            if (topic.isEmpty()) {
                continue; // transaction boundaries, signals, heartbeats: their position is committed with the batch
            }
            String table = routing.tableFor(destination).orElseThrow();
            byte[] key = keys.fromConnectData(destination, record.keySchema(), record.key());
            boolean tombstone = record.value() == null;
            if (echoes.isEcho(transactionId(record)) || (tombstone && key != null && Arrays.equals(key, droppedKey))) {
                droppedKey = key; // and the tombstone that follows a dropped delete
                onAcknowledged.add(() -> metrics.echoDropped(table));
                continue;
            }
            droppedKey = null;
            byte[] value = tombstone ? null : values.fromConnectData(destination, record.valueSchema(), record.value());
            acknowledgements.add(producer.send(new ProducerRecord<>(topic.get(), key, value)));
            if (!tombstone) {
                SourcePosition position = SourcePosition.of(((Struct) record.value()).getStruct("source"));
                onAcknowledged.add(() -> metrics.published(table, position));
            }
        }
        try {
            for (Future<RecordMetadata> acknowledgement : acknowledgements) {
                acknowledgement.get();
            }
        } catch (ExecutionException e) {
            log.warn("Kafka did not acknowledge a batch of {} change events ({}); retrying the batch",
                    records.size(), e.getCause().getMessage());
            return false;
        }
        onAcknowledged.forEach(Runnable::run);
        return true;
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
