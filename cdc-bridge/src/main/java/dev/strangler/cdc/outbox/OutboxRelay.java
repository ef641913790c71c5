package dev.strangler.cdc.outbox;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DebeziumConfiguration;
import dev.strangler.cdc.publish.EngineRunner;
import dev.strangler.cdc.publish.ReliableProducer;
import java.time.Clock;
import java.time.Duration;
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
    private final String kafkaBootstrapServers;
    private final Watermarks watermarks;
    private final OutboxStatistics statistics = new OutboxStatistics(Clock.systemUTC());
    private final EngineRunner engine = new EngineRunner("kit-cdc-outbox");
    private Producer<byte[], byte[]> producer;
    private OutboxPublisher publisher;

    public OutboxRelay(CdcProperties cdc, OutboxProperties outbox, String kafkaBootstrapServers, Watermarks watermarks) {
        this.cdc = cdc;
        this.outbox = outbox;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.watermarks = watermarks;
    }

    /**
     * @param running            whether the engine runs
     * @param failure            why it stopped on its own, if it did
     * @param published          events published since the bridge started
     * @param lastPublishedAgeMs milliseconds since the last one, or -1
     */
    public record Status(boolean running, String failure, long published, long lastPublishedAgeMs) {
    }

    public Status status() {
        Throwable failure = engine.failure();
        return new Status(engine.isRunning(), failure == null ? null : String.valueOf(failure.getMessage()),
                statistics.count(), statistics.lastPublishedAgeMillis());
    }

    @Override
    public synchronized void start() {
        producer = ReliableProducer.create(kafkaBootstrapServers, "kit-cdc-outbox", cdc.producer());
        publisher = new OutboxPublisher(producer, outbox, cdc.kitTables().watermark(), watermarks, statistics);
        engine.start(DebeziumConfiguration.outbox(cdc, outbox.serverId(), outbox.topicPrefix(), outbox.tables(),
                kafkaBootstrapServers), publisher);
        log.info("Relaying {} to {}<aggregate type>", outbox.tables(), outbox.eventTopicPrefix());
    }

    @Override
    public synchronized void stop() {
        if (publisher != null) {
            publisher.stopping();
        }
        engine.stop(Duration.ofSeconds(20));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }

    /** After the forward path, whose preflight checks the source and waits for the tables. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE + 1;
    }
}
