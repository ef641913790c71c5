package dev.strangler.cdc.barrier;

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
import org.apache.kafka.common.TopicPartition;

/** The Kafka side of a barrier: which groups consume the bridge's topics, and how far each has committed. */
final class ConsumerGroupOffsets {

    private static final long CALL_TIMEOUT_MS = 5_000;

    private final Admin admin;

    ConsumerGroupOffsets(Admin admin) {
        this.admin = admin;
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
