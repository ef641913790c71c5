package dev.strangler.proxy.toggle;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread of the toggle log: assigned to every partition without a consumer group (no rebalance
 * delay, every instance reads everything), from the beginning, and then following the log. It counts down
 * {@code loaded} once it has reached the end offsets seen at start-up. When its consumer fails it reports the
 * failure (the proxy's health goes DOWN), builds a new one and goes on from where it was, never re-reading older
 * states over newer ones.
 */
class ToggleLogReader implements Runnable {

    /** Receives the log, on the reader thread. */
    interface Sink {

        /** One record: key = route, value = JSON or null for a tombstone. */
        void accept(ConsumerRecord<String, String> record);

        /**
         * After each poll: the next offset to read per partition, and the log's end offsets, read on demand (may
         * throw while Kafka is away).
         */
        void polled(Map<TopicPartition, Long> positions, Supplier<Map<TopicPartition, Long>> endOffsets);
    }

    private static final Logger log = LoggerFactory.getLogger(ToggleLogReader.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final KafkaClients clients;
    private final String topic;
    private final Sink sink;
    private final CountDownLatch loaded;
    private final Thread thread;
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
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

    /** Why the reader is not following the log right now, or null while it is. */
    Exception failure() {
        Exception current = failure;
        if (current == null && !thread.isAlive() && running) {
            return new IllegalStateException("the toggle log reader thread has ended");
        }
        return current;
    }

    @Override
    public void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = clients.consumer()) {
                consumer = kafka;
                if (running) {
                    follow(kafka);
                }
            } catch (WakeupException | InterruptException e) {
                return; // stop() asked us to leave
            } catch (Exception e) {
                failure = e;
                log.error("The toggle log reader failed; toggles on this instance do not follow the log until it "
                        + "reconnects (retrying in {})", RETRY, e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private void follow(KafkaConsumer<String, String> kafka) {
        List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        kafka.assign(partitions);
        for (TopicPartition partition : partitions) {
            Long next = positions.get(partition);
            if (next == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, next); // a new consumer after a failure: go on, do not replay older states
            }
        }
        Map<TopicPartition, Long> end = loaded.getCount() > 0 ? kafka.endOffsets(partitions) : Map.of();
        while (running) {
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                applySafely(record);
                positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            failure = null;
            for (TopicPartition partition : partitions) {
                positions.put(partition, kafka.position(partition));
            }
            if (loaded.getCount() > 0 && end.entrySet().stream()
                    .allMatch(e -> positions.get(e.getKey()) >= e.getValue())) {
                loaded.countDown();
            }
            sink.polled(Map.copyOf(positions), () -> kafka.endOffsets(partitions, END_OFFSETS_TIMEOUT));
        }
    }

    private void applySafely(ConsumerRecord<String, String> record) {
        try {
            sink.accept(record);
        } catch (RuntimeException e) {
            // One unreadable record must not stop the log: later flips of the route overwrite it.
            log.error("Skipping unreadable toggle record at offset {} for route '{}'", record.offset(),
                    record.key(), e);
        }
    }

    /** Waits before reconnecting; false once stop() was called. */
    private boolean pause() {
        try {
            return !stopped.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void stop(Duration timeout) {
        running = false;
        stopped.countDown();
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
