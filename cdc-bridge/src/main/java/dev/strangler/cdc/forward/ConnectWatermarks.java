package dev.strangler.cdc.forward;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forward path on Kafka Connect as the bridge's barriers see it: the connector routes the watermark table's
 * changes to the watermark topic, and this follows that topic and reports each watermark, as the embedded publisher
 * does once Kafka acknowledged the batch holding it. It reads committed records only: on a worker with exactly-once
 * source support a watermark becomes visible together with, or after, every change the connector read before it.
 */
final class ConnectWatermarks {

    private static final Logger log = LoggerFactory.getLogger(ConnectWatermarks.class);

    private final KafkaConnection kafka;
    private final String topic;
    private final short replicationFactor;
    private final Watermarks watermarks;
    private final ObjectMapper json = JsonMapper.builder().build();
    private KafkaConsumer<String, String> consumer;
    private Thread thread;
    private volatile boolean running;
    private volatile Throwable failure;

    ConnectWatermarks(KafkaConnection kafka, String topic, int replicationFactor, Watermarks watermarks) {
        this.kafka = kafka;
        this.topic = topic;
        this.replicationFactor = (short) replicationFactor;
        this.watermarks = watermarks;
    }

    /** Creates the topic when it is missing (the connector may start after the bridge), then follows it. */
    synchronized void start() {
        createTopic();
        Map<String, Object> config = kafka.clientProperties();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kit-cdc-forward-watermarks");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        failure = null;
        running = true;
        thread = new Thread(this::follow, "kit-cdc-forward-watermarks");
        thread.setDaemon(true);
        thread.start();
    }

    private void createTopic() {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get(30, TimeUnit.SECONDS);
            log.info("Created the watermark topic {} ({} replicas)", topic, replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the watermark topic " + topic + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the watermark topic " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the watermark topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** From the beginning: the topic holds a record per barrier, and only a newer watermark than asked counts. */
    private void follow() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    long seq = sequence(record.value());
                    if (seq > 0) {
                        watermarks.passed(Watermarks.Stream.FORWARD, seq);
                    }
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer up
        } catch (RuntimeException e) {
            failure = e;
            log.error("Following the watermark topic {} stopped", topic, e);
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The {@code SEQ} of the row after the change; 0 for a delete or its tombstone. */
    private long sequence(String value) {
        if (value == null) {
            return 0;
        }
        JsonNode seq = json.readTree(value).path("after").path("SEQ");
        return seq.isIntegralNumber() ? seq.longValue() : 0;
    }

    synchronized void stop(Duration timeout) {
        running = false;
        if (consumer != null && thread != null) {
            try {
                consumer.wakeup();
            } catch (RuntimeException e) {
                // it closed itself already, having stopped on its own
            }
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
        consumer = null;
    }

    boolean isRunning() {
        return running;
    }

    Throwable failure() {
        return failure;
    }
}
