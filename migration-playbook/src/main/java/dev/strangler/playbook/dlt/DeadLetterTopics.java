package dev.strangler.playbook.dlt;

import dev.strangler.playbook.KitException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The dead-letter topics on the broker: reading them whole, and sending their records back where they came from.
 * What has been replayed is kept as the committed offsets of the consumer group {@value #REPLAY_GROUP}, on the
 * broker beside the records, so every operator and every machine sees the same mark.
 */
final class DeadLetterTopics implements AutoCloseable {

    static final String REPLAY_GROUP = "kit-dlt-replay";
    static final String REPLAYED_FROM = "kit-dlt-replayed-from";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String bootstrapServers;
    private final Map<String, Object> security;
    private final Admin admin;

    /** @param security the client settings that authenticate and encrypt (SASL, TLS), empty for PLAINTEXT */
    DeadLetterTopics(String bootstrapServers, Map<String, Object> security) {
        this.bootstrapServers = bootstrapServers;
        this.security = Map.copyOf(security);
        this.admin = Admin.create(client(Map.of(
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis())));
    }

    private Map<String, Object> client(Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(settings);
        return config;
    }

    /** The dead-letter topics, by name. */
    List<String> topics(String suffix) {
        return answer(admin.listTopics().names()).stream().filter(name -> name.endsWith(suffix)).sorted().toList();
    }

    /** Every record of a topic, in partition and offset order. */
    List<DeadLetter> read(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = answer(admin.describeTopics(List.of(topic)).allTopicNames())
                    .get(topic).partitions().stream().map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            List<DeadLetter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw unreachable("reading " + topic + " took longer than " + TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(DeadLetter.of(record));
                    }
                }
            }
            letters.sort(Comparator.comparing((DeadLetter letter) -> letter.id().partition())
                    .thenComparing(letter -> letter.id().offset()));
            return letters;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw unreachable(e.getMessage());
        }
    }

    /** Per partition of every dead-letter topic, the offset up to which its records were replayed (absent: none). */
    Map<TopicPartition, Long> replayedUpTo() {
        Map<TopicPartition, Long> marks = new HashMap<>();
        answer(admin.listConsumerGroupOffsets(REPLAY_GROUP).partitionsToOffsetAndMetadata())
                .forEach((partition, offset) -> {
                    if (offset != null) {
                        marks.put(partition, offset.offset());
                    }
                });
        return marks;
    }

    /**
     * Sends each record back to its original topic and partition with its key, value and own headers (the
     * error handler's are dropped, {@value #REPLAYED_FROM} added), and waits for the broker to take every one.
     */
    void resend(List<DeadLetter> letters, String suffix) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (DeadLetter letter : letters) {
                String target = letter.originalTopic(suffix);
                if (target == null) {
                    throw KitException.configuration(letter.id() + " does not say where it came from (no "
                            + DeadLetter.ORIGINAL_TOPIC + " header, and its topic does not end in " + suffix + ")");
                }
                RecordHeaders headers = new RecordHeaders();
                letter.originalHeaders().forEach((key, value) -> headers.add(key, value));
                headers.add(REPLAYED_FROM, letter.id().toString().getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(new ProducerRecord<>(target, letter.originalPartition(), letter.key(),
                        letter.value(), headers)));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                answer(send);
            }
        }
    }

    /** Marks the topic replayed up to (not including) the given offsets per partition. */
    void markReplayed(String topic, Map<Integer, Long> upTo) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        upTo.forEach((partition, offset) -> offsets.put(new TopicPartition(topic, partition),
                new OffsetAndMetadata(offset)));
        answer(admin.alterConsumerGroupOffsets(REPLAY_GROUP, offsets).all());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(client(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis())),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(client(Map.of(ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis(),
                // Kafka refuses a delivery timeout below linger + request timeout.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis())),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private <T> T answer(Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw KitException.configuration("there is no such topic on " + bootstrapServers + ": "
                        + e.getCause().getMessage());
            }
            throw unreachable(e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw unreachable("no answer in " + TIMEOUT.toSeconds() + " s");
        }
    }

    private KitException unreachable(String detail) {
        return new KitException(KitException.USAGE_OR_CONFIGURATION,
                "the Kafka broker at " + bootstrapServers + " did not answer: " + detail
                        + " (is the stack up? './kit status')");
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
