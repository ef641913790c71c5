package dev.strangler.proxy.toggle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread of the toggle log: assigned to every partition without a consumer group (no rebalance
 * delay, every instance reads everything), from the beginning, and then following the log. It counts down
 * {@code loaded} once it has reached the end offsets seen at start-up.
 */
class ToggleLogReader implements Runnable {

    /** Receives each record: route name, value (null for a tombstone) and offset. */
    interface Sink {
        void accept(String route, String value, long offset);
    }

    private static final Logger log = LoggerFactory.getLogger(ToggleLogReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClients clients;
    private final String topic;
    private final Sink sink;
    private final CountDownLatch loaded;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Exception failure;

    ToggleLogReader(KafkaClients clients, String topic, Sink sink, CountDownLatch loaded) {
        this.clients = clients;
        this.topic = topic;
        this.sink = sink;
        this.loaded = loaded;
        this.thread = new Thread(this, "toggle-log-reader");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Exception failure() {
        return failure;
    }

    @Override
    public void run() {
        try (KafkaConsumer<String, String> kafka = clients.consumer()) {
            consumer = kafka;
            List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                    applySafely(record);
                }
                if (loaded.getCount() > 0 && end.entrySet().stream()
                        .allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // stop() asked us to leave the poll.
        } catch (Exception e) {
            failure = e;
            log.error("The toggle log reader stopped; toggles on this instance no longer follow the log", e);
        }
    }

    private void applySafely(ConsumerRecord<String, String> record) {
        try {
            sink.accept(record.key(), record.value(), record.offset());
        } catch (RuntimeException e) {
            // One unreadable record must not stop the log: later flips of the route overwrite it.
            log.error("Skipping unreadable toggle record at offset {} for route '{}'", record.offset(),
                    record.key(), e);
        }
    }

    void stop(Duration timeout) {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
