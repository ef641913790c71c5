package dev.strangler.cdc.forward;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DebeziumConfiguration;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.publish.EngineRunner;
import dev.strangler.cdc.publish.ReliableProducer;
import dev.strangler.cdc.startup.SourcePreflight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The forward path: Debezium's embedded engine on the legacy binlog, on an executor of its own, publishing to Kafka.
 * Started after the preflight checks pass, so a bad setting stops start-up before any offset is written. With the
 * connector on Kafka Connect instead ({@code kit.cdc.forward.engine=KAFKA_CONNECT}), it follows that connector's
 * watermarks for the barriers, and "running" means following them.
 */
public final class ForwardCapture implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ForwardCapture.class);

    private final CdcProperties cdc;
    private final KafkaConnection kafka;
    private final SourcePreflight preflight;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final Watermarks watermarks;
    private final EngineRunner engine = new EngineRunner("kit-cdc-forward");
    private Producer<byte[], byte[]> producer;
    private KafkaChangePublisher publisher;
    private ConnectWatermarks connectWatermarks;

    public ForwardCapture(CdcProperties cdc, KafkaConnection kafka, SourcePreflight preflight,
                          CaptureMetrics metrics, CapturePause pause, Watermarks watermarks) {
        this.cdc = cdc;
        this.kafka = kafka;
        this.preflight = preflight;
        this.metrics = metrics;
        this.pause = pause;
        this.watermarks = watermarks;
    }

    @Override
    public synchronized void start() {
        preflight.verify();
        if (cdc.forward().onKafkaConnect()) {
            String topic = cdc.forward().watermarkTopic(cdc.source().topicPrefix());
            connectWatermarks = new ConnectWatermarks(kafka, topic, cdc.storage().replicationFactor(), watermarks);
            connectWatermarks.start();
            log.info("The forward path runs on Kafka Connect; following its watermarks on {}", topic);
            return;
        }
        createStorageDirectory();
        producer = ReliableProducer.create(kafka, "kit-cdc-forward", cdc.producer());
        publisher = new KafkaChangePublisher(producer, new TopicRouting(cdc), metrics, pause, watermarks);
        engine.start(DebeziumConfiguration.forward(cdc, kafka), publisher);
        log.info("Capturing {} from {}:{}", cdc.tables().stream().map(CdcProperties.CapturedTable::table).toList(),
                cdc.source().host(), cdc.source().port());
    }

    private void createStorageDirectory() {
        if (cdc.storage().kind() == CdcProperties.StorageKind.FILE) {
            try {
                Files.createDirectories(Path.of(cdc.storage().directory()));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create kit.cdc.storage.directory " + cdc.storage().directory(), e);
            }
        }
    }

    /**
     * Starts the engine again after it stopped on its own; when its position is gone from the server, with a new
     * snapshot ({@code snapshot.mode=always}, once: later restarts resume from the offsets it wrote). The consumers'
     * version guards make re-reading rows they have safe, also after a write cut-over. Does nothing while the engine
     * runs.
     *
     * @return whether the engine was started
     */
    public synchronized boolean recover() {
        if (connectWatermarks != null) {
            if (connectWatermarks.isRunning()) {
                return false;
            }
            connectWatermarks.start(); // the connector itself is recovered on Connect, by its REST API
            return true;
        }
        return engine.recover();
    }

    /** Whether the engine stopped because its position is gone from the server. */
    public boolean positionLost() {
        return !engine.isRunning() && engine.positionLost();
    }

    @Override
    public synchronized void stop() {
        pause.resume(); // a paused handler would otherwise hold the engine open
        if (publisher != null) {
            publisher.stopping();
        }
        // 8 + 2 s here, 8 + 2 s for the outbox relay, 5 s for the reverse consumer: within the 30 s 'kit down' (and
        // an orchestrator's default) grants before a kill. Offsets not committed in time only mean a replay.
        engine.stop(Duration.ofSeconds(8));
        if (connectWatermarks != null) {
            connectWatermarks.stop(Duration.ofSeconds(5));
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return connectWatermarks != null ? connectWatermarks.isRunning() : engine.isRunning();
    }

    /** Before the outbox relay, which relies on this path's preflight (see OutboxRelay.getPhase). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    /** When the engine, stopped on its own, starts again by itself; null when it runs or will not. */
    public Instant restartAt() {
        return engine.restartAt();
    }

    public Throwable failure() {
        return connectWatermarks != null ? connectWatermarks.failure() : engine.failure();
    }
}
