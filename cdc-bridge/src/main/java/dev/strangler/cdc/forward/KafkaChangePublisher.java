package dev.strangler.cdc.forward;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishes each batch of change events to its table's topic, and marks the batch processed only once Kafka has
 * acknowledged every record of it ({@code acks=all}, idempotent producer). Offsets therefore never run ahead of
 * what Kafka holds: after a crash the engine re-reads at most the unacknowledged batch (at-least-once).
 */
final class KafkaChangePublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {

    private static final Logger log = LoggerFactory.getLogger(KafkaChangePublisher.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final Producer<String, String> producer;
    private final TopicRouting routing;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final ObjectMapper json;
    private final EchoFilter echoes = new EchoFilter();
    private volatile boolean stopping;

    KafkaChangePublisher(Producer<String, String> producer, TopicRouting routing, CaptureMetrics metrics,
                         CapturePause pause, ObjectMapper json) {
        this.producer = producer;
        this.routing = routing;
        this.metrics = metrics;
        this.pause = pause;
        this.json = json;
    }

    @Override
    public void handleBatch(List<ChangeEvent<String, String>> records,
                            DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer)
            throws InterruptedException {
        pause.awaitResumed();
        while (!publish(records)) {
            if (stopping) {
                throw new InterruptedException("stopping with an unacknowledged batch; it is re-read on the next start");
            }
            Thread.sleep(RETRY_BACKOFF.toMillis()); // Kafka unavailable: keep the batch, retry it whole
        }
        for (ChangeEvent<String, String> record : records) {
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

    private boolean publish(List<ChangeEvent<String, String>> records) throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        List<Runnable> onAcknowledged = new ArrayList<>(records.size());
        String droppedKey = null;
        for (ChangeEvent<String, String> record : records) {
            JsonNode event = record.value() == null ? null : json.readTree(record.value());
            String transaction = event == null ? null : event.path("transaction").path("id").asString(null);
            if (routing.isEchoMarker(record.destination())) {
                echoes.markerSeen(transaction);
                continue;
            }
            Optional<String> topic = routing.topicFor(record.destination());
            if (topic.isEmpty()) {
                continue; // transaction boundaries, signals, heartbeats: their position is committed with the batch
            }
            String table = routing.tableFor(record.destination()).orElseThrow();
            if (echoes.isEcho(transaction) || (event == null && record.key() != null && record.key().equals(droppedKey))) {
                droppedKey = record.key(); // and the tombstone that follows a dropped delete
                onAcknowledged.add(() -> metrics.echoDropped(table));
                continue;
            }
            droppedKey = null;
            acknowledgements.add(producer.send(new ProducerRecord<>(topic.get(), record.key(), record.value())));
            if (event != null) {
                SourcePosition position = SourcePosition.of(event);
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
}
