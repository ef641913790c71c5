package dev.strangler.cdc.barrier;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The Kafka side of a barrier: which groups consume the bridge's topics, and how far each has committed. */
final class ConsumerGroupOffsets {

    private static final long CALL_TIMEOUT_MS = 5_000;
    /** How far back from a partition's end its last record is looked for: a few transactions' markers. */
    private static final long LOOKBACK = 64;

    private final Admin admin;
    private final Map<String, Object> consumerConfig;

    /** @param clientConfig the brokers and security settings, for the consumer that reads a partition's tail */
    ConsumerGroupOffsets(Admin admin, Map<String, Object> clientConfig) {
        this.admin = admin;
        this.consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "kit-cdc-barrier-tail");
    }

    /**
     * The partitions of the bridge's topics assigned to each active consumer group whose id starts with one of
     * {@code prefixes} (or is one of {@code groups}). A group without members (its service stopped) has nothing
     * assigned and is left out: there is nothing of it to wait for.
     */
    Map<String, Set<TopicPartition>> assignments(List<String> prefixes, Set<String> groups,
                                                 Predicate<String> bridgeTopic) throws Exception {
        List<String> matching = call(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupListing::groupId)
                .filter(id -> groups.contains(id) || prefixes.stream().anyMatch(id::startsWith))
                .toList();
        if (matching.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<TopicPartition>> assigned = new HashMap<>();
        for (ConsumerGroupDescription group : call(admin.describeConsumerGroups(matching).all()).values()) {
            Set<TopicPartition> partitions = group.members().stream()
                    .flatMap(member -> member.assignment().topicPartitions().stream())
                    .filter(partition -> bridgeTopic.test(partition.topic()))
                    .collect(Collectors.toSet());
            if (!partitions.isEmpty()) {
                assigned.put(group.groupId(), partitions);
            }
        }
        return assigned;
    }

    /** The end offset of each partition now: the offset the next record will get. */
    Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws Exception {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return call(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Where a consumer that has read everything below {@code end} commits: the offset after the last record there.
     * That is {@code end} itself unless the log ends in transaction markers, which a transactional producer (a Kafka
     * Connect worker with exactly-once source support) writes after each transaction and a consumer never receives:
     * it commits the offset after the last record before them. Anything short of certainty (no record in the last
     * {@value #LOOKBACK} offsets, the tail not read in time) answers {@code end}: a barrier then waits, it never
     * passes early.
     */
    long lastRecordEnd(TopicPartition partition, long end) {
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, Math.max(0, end - LOOKBACK));
            long last = -1;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CALL_TIMEOUT_MS);
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    return end;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.offset() < end) {
                        last = Math.max(last, record.offset());
                    }
                }
            }
            return last < 0 ? end : last + 1;
        }
    }

    /** Each group's committed offset per partition (absent: nothing committed yet). */
    Map<String, Map<TopicPartition, Long>> committed(Set<String> groups) throws Exception {
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
                .collect(Collectors.toMap(group -> group, group -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        call(admin.listConsumerGroupOffsets(specs).all()).forEach((group, offsets) -> {
            Map<TopicPartition, Long> byPartition = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    byPartition.put(partition, offset.offset());
                }
            });
            committed.put(group, byPartition);
        });
        return committed;
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
