package dev.strangler.cdc.outbox;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DebeziumConfiguration;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.publish.EngineRunner;
import dev.strangler.cdc.publish.ReliableProducer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The outbox relay: a Debezium engine of its own on the services' outbox tables, always on. Before a write cut-over
 * the services write nothing and it publishes nothing; after it, every service event reaches Kafka, for the
 * services that keep a copy and for the reverse path.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final CdcProperties cdc;
    private final OutboxProperties outbox;
    private final KafkaConnection kafka;
    private final Watermarks watermarks;
    private final OutboxStatistics statistics = new OutboxStatistics(Clock.systemUTC());
    private final EngineRunner engine = new EngineRunner("kit-cdc-outbox");
    private Producer<byte[], byte[]> producer;
    private OutboxPublisher publisher;

    public OutboxRelay(CdcProperties cdc, OutboxProperties outbox, KafkaConnection kafka, Watermarks watermarks) {
        this.cdc = cdc;
        this.outbox = outbox;
        this.kafka = kafka;
        this.watermarks = watermarks;
    }

    /**
     * @param running            whether the engine runs
     * @param failure            why it stopped on its own, if it did
     * @param positionLost       whether that is because its position is gone from the server
     * @param published          events published since the bridge started
     * @param lastPublishedAgeMs milliseconds since the last one, or -1
     */
    public record Status(boolean running, String failure, boolean positionLost, long published,
                         long lastPublishedAgeMs) {
    }

    /** When the engine, stopped on its own, starts again by itself; null when it runs or will not. */
    public Instant restartAt() {
        return engine.restartAt();
    }

    public Status status() {
        Throwable failure = engine.failure();
        return new Status(engine.isRunning(), failure == null ? null : String.valueOf(failure.getMessage()),
                !engine.isRunning() && engine.positionLost(), statistics.count(), statistics.lastPublishedAgeMillis());
    }

    /**
     * Starts the engine again after it stopped on its own; when its position is gone, with a new snapshot (once):
     * the outbox rows still in the tables (younger than the services' retention) are published again, which the
     * consumers and the reverse path recognise; events of rows already pruned and never relayed are lost, and
     * reconciliation shows where.
     *
     * @return whether the engine was started
     */
    public synchronized boolean recover() {
        return engine.recover();
    }

    @Override
    public synchronized void start() {
        producer = ReliableProducer.create(kafka, "kit-cdc-outbox", cdc.producer());
        String watermark = outbox.watermarkTable(cdc);
        publisher = new OutboxPublisher(producer, outbox, watermark, watermarks, statistics);
        engine.start(DebeziumConfiguration.outbox(cdc, outbox.server(cdc), outbox.serverId(), outbox.topicPrefix(),
                outbox.tables(), watermark, kafka), publisher);
        log.info("Relaying {} to {}<aggregate type>", outbox.tables(), outbox.eventTopicPrefix());
    }

    @Override
    public synchronized void stop() {
        if (publisher != null) {
            publisher.stopping();
        }
        engine.stop(Duration.ofSeconds(8)); // the stop budget: see ForwardCapture.stop
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }

    /**
     * After the forward path (one phase below), whose preflight checks the source and waits for the tables. The
     * default phase is Integer.MAX_VALUE: "+ 1" here wrapped round to the lowest phase and started the relay first.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
