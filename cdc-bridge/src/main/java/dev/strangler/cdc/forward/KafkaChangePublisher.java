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
            Thread.sleep(RETRY_BACKOFF.toMillis()); // Kafka unavailable: keep the batch, retry it whole
        }
        for (ChangeEvent<String, String> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    @Override
    public boolean supportsTombstoneEvents() {
        return true;
    }

    private boolean publish(List<ChangeEvent<String, String>> records) throws InterruptedException {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
        List<Runnable> onAcknowledged = new ArrayList<>(records.size());
        for (ChangeEvent<String, String> record : records) {
            Optional<String> topic = routing.topicFor(record.destination());
            if (topic.isEmpty()) {
                continue; // transaction boundaries and heartbeats: their position is committed with the batch
            }
            acknowledgements.add(producer.send(new ProducerRecord<>(topic.get(), record.key(), record.value())));
            if (record.value() != null) {
                String table = routing.tableFor(record.destination()).orElseThrow();
                SourcePosition position = SourcePosition.of(parse(record.value()));
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

    private JsonNode parse(String value) {
        return json.readTree(value);
    }
}
