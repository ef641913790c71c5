package dev.strangler.cdc.forward;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DebeziumConfiguration;
import dev.strangler.cdc.startup.SourcePreflight;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
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
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private ExecutorService executor;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private Producer<byte[], byte[]> producer;
    private KafkaChangePublisher publisher;
    private volatile boolean running;

    public ForwardCapture(CdcProperties cdc, String kafkaBootstrapServers, SourcePreflight preflight,
                          CaptureMetrics metrics, CapturePause pause) {
        this.cdc = cdc;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.preflight = preflight;
        this.metrics = metrics;
        this.pause = pause;
    }

    @Override
    public synchronized void start() {
        preflight.verify();
        createStorageDirectory();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, (int) cdc.producer().batchSize().toBytes(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, cdc.producer().compression().name().toLowerCase(Locale.ROOT),
                ProducerConfig.CLIENT_ID_CONFIG, "kit-cdc-forward"), new ByteArraySerializer(), new ByteArraySerializer());
        publisher = new KafkaChangePublisher(producer, new TopicRouting(cdc), metrics, pause);
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(DebeziumConfiguration.forward(cdc, kafkaBootstrapServers))
                .using((success, message, error) -> {
                    running = false;
                    if (!success) {
                        failure.set(error == null ? new IllegalStateException(message) : error);
                        log.error("The CDC engine stopped: {}", message, error);
                    }
                })
                .notifying(publisher)
                .build();
        executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "kit-cdc-forward"));
        failure.set(null);
        running = true;
        executor.execute(engine);
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
        try {
            if (engine != null) {
                engine.close();
            }
            if (executor != null) {
                executor.shutdown();
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    log.warn("The CDC engine did not stop within 30 s");
                }
            }
        } catch (IOException e) {
            log.warn("Closing the CDC engine failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
            }
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Why the engine stopped on its own, if it did. */
    public Throwable failure() {
        return failure.get();
    }
}
