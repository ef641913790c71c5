package dev.strangler.cdc.publish;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Debezium batch consumer that publishes each batch to Kafka and marks it processed only once Kafka has
 * acknowledged every record sent for it ({@code acks=all}, idempotent producer). Offsets therefore never run ahead of
 * what Kafka holds: after a crash the engine re-reads at most the unacknowledged batch (at-least-once). A batch Kafka
 * does not acknowledge is sent again whole, every second, until it is or the engine stops.
 */
public abstract class AcknowledgedBatches implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgedBatches.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final Producer<byte[], byte[]> producer;
    private volatile boolean stopping;

    protected AcknowledgedBatches(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public final void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                                  DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        beforeBatch();
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
    public void stopping() {
        stopping = true;
    }

    @Override
    public boolean supportsTombstoneEvents() {
        return true;
    }

    /** Before each batch: a paused path waits here. */
    protected void beforeBatch() throws InterruptedException {
    }

    /** Sends what {@code records} turn into through {@code batch}; nothing else may be sent. */
    protected abstract void send(List<RecordChangeEvent<SourceRecord>> records, Batch batch);

    private boolean publish(List<RecordChangeEvent<SourceRecord>> records) throws InterruptedException {
        Batch batch = new Batch();
        send(records, batch);
        try {
            for (Future<RecordMetadata> acknowledgement : batch.acknowledgements) {
                acknowledgement.get();
            }
        } catch (ExecutionException e) {
            log.warn("Kafka did not acknowledge a batch of {} change events ({}); retrying the batch",
                    records.size(), e.getCause().getMessage());
            return false;
        }
        batch.onAcknowledged.forEach(Runnable::run);
        return true;
    }

    /** The records one attempt at a batch sent, and what to do once Kafka acknowledged all of them. */
    protected final class Batch {

        private final List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
        private final List<Runnable> onAcknowledged = new ArrayList<>();

        public void send(ProducerRecord<byte[], byte[]> record) {
            acknowledgements.add(producer.send(record));
        }

        /** Runs once every record of the batch is acknowledged (and not for an attempt that failed). */
        public void onAcknowledged(Runnable action) {
            onAcknowledged.add(action);
        }
    }
}
