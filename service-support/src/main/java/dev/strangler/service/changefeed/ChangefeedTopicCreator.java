package dev.strangler.service.changefeed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the service's topics and their dead-letter topics where they are missing, before the listeners start, so
 * the consumers and the dead-letter publisher never wait on topic metadata. The CDC bridge normally creates the
 * change topics first, with the same count ({@code kit.cdc.topics.partitions}).
 *
 * <p>An existing topic is never changed. Kafka can only add partitions, and adding them sends a key's next changes
 * to another partition than its earlier ones, so a consumer could apply them first: per-key order would break. (Spring's
 * {@code KafkaAdmin} adds partitions to a topic with fewer than its {@code NewTopic} asks for, so it is not used
 * here.) A topic with fewer partitions than the setting is only reported: the bridge owns the count.
 */
final class ChangefeedTopicCreator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChangefeedTopicCreator.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Object> adminConfig;
    private final ChangefeedTopics topics;

    ChangefeedTopicCreator(Map<String, Object> adminConfig, ChangefeedTopics topics) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.adminConfig.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.topics = topics;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> names = topics.topics().stream()
                .flatMap(name -> Stream.of(name, topics.deadLetterTopic(name))).distinct().toList();
        try (Admin admin = Admin.create(adminConfig)) {
            createMissing(admin, names);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // As Spring's KafkaAdmin does by default: the service starts, its listeners wait for the broker.
            log.warn("Could not check or create the change-feed topics {}: {}", names, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void createMissing(Admin admin, List<String> names)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<NewTopic> missing = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                : admin.describeTopics(names).topicNameValues().entrySet()) {
            Optional<TopicDescription> description = describe(topic.getValue());
            if (description.isEmpty()) {
                // The broker's default replication factor: one replica is a single-node demo's, not a cluster's.
                missing.add(new NewTopic(topic.getKey(), Optional.of(topics.partitions()), Optional.empty()));
            } else if (description.get().partitions().size() < topics.partitions()) {
                log.warn("Topic {} has {} partitions, fewer than the {} this service is set to create: at most {} "
                                + "instances of this service consume it at once. It is left as it is (adding "
                                + "partitions breaks per-key order); the CDC bridge's kit.cdc.topics.partitions sets it.",
                        topic.getKey(), description.get().partitions().size(), topics.partitions(),
                        description.get().partitions().size());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
            try {
                created.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                log.info("Created topic {} with {} partitions", created.getKey(), topics.partitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // Another instance, or the bridge, created it meanwhile: its count stands.
            }
        }
    }

    private static Optional<TopicDescription> describe(KafkaFuture<TopicDescription> description)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return Optional.of(description.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
