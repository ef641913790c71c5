package dev.strangler.cdc.forward;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DebeziumConfiguration;
import dev.strangler.cdc.publish.EngineRunner;
import dev.strangler.cdc.publish.ReliableProducer;
import dev.strangler.cdc.startup.SourcePreflight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The forward path: Debezium's embedded engine on the legacy binlog, on an executor of its own, publishing to Kafka.
 * Started after the preflight checks pass, so a bad setting stops start-up before any offset is written.
 */
public final class ForwardCapture implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ForwardCapture.class);

    private final CdcProperties cdc;
    private final String kafkaBootstrapServers;
    private final SourcePreflight preflight;
    private final CaptureMetrics metrics;
    private final CapturePause pause;
    private final Watermarks watermarks;
    private final EngineRunner engine = new EngineRunner("kit-cdc-forward");
    private Producer<byte[], byte[]> producer;
    private KafkaChangePublisher publisher;

    public ForwardCapture(CdcProperties cdc, String kafkaBootstrapServers, SourcePreflight preflight,
                          CaptureMetrics metrics, CapturePause pause, Watermarks watermarks) {
        this.cdc = cdc;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.preflight = preflight;
        this.metrics = metrics;
        this.pause = pause;
        this.watermarks = watermarks;
    }

    @Override
    public synchronized void start() {
        preflight.verify();
        createStorageDirectory();
        producer = ReliableProducer.create(kafkaBootstrapServers, "kit-cdc-forward", cdc.producer());
        publisher = new KafkaChangePublisher(producer, new TopicRouting(cdc), metrics, pause, watermarks);
        engine.start(DebeziumConfiguration.forward(cdc, kafkaBootstrapServers), publisher);
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

    @Override
    public synchronized void stop() {
        pause.resume(); // a paused handler would otherwise hold the engine open
        if (publisher != null) {
            publisher.stopping();
        }
        engine.stop(Duration.ofSeconds(30));
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return engine.isRunning();
    }

    /** Why the engine stopped on its own, if it did. */
    public Throwable failure() {
        return engine.failure();
    }
}
