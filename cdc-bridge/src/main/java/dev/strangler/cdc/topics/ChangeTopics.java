package dev.strangler.cdc.topics;

import dev.strangler.cdc.startup.CdcStartupException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
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
 * Creates the bridge's topics with {@code kit.cdc.topics.partitions} before any engine publishes (once the beans exist,
 * before the lifecycle starts the engines), so a broker's automatic topic creation never picks the count.
 *
 * <p>An existing topic with fewer partitions stops start-up rather than being grown. Kafka can only add partitions,
 * and adding them moves a key's next records to another partition than its earlier ones: a consumer of the new
 * partition could apply a row's newer change before another consumer has applied its older ones. A topic with more
 * partitions than the setting is used as it is: every key still has one partition.
 */
public final class ChangeTopics implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChangeTopics.class);
    private static final long TIMEOUT_SECONDS = 15;

    private final Map<String, Object> adminConfig;
    private final ChangeTopicsProperties settings;
    private final List<String> topics;

    /** @param topics the topics the bridge publishes to */
    public ChangeTopics(Map<String, Object> adminConfig, ChangeTopicsProperties settings, List<String> topics) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        this.adminConfig.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.settings = settings;
        this.topics = topics.stream().distinct().toList();
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensure();
    }

    /** Creates the missing topics; refuses, with what to do, when one has fewer partitions than the setting. */
    public void ensure() {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<String, Integer> existing = partitions(admin);
            Map<String, Integer> tooFew = existing.entrySet().stream()
                    .filter(topic -> topic.getValue() < settings.partitions())
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (!tooFew.isEmpty()) {
                throw tooFewPartitions(tooFew);
            }
            create(admin, topics.stream().filter(topic -> !existing.containsKey(topic)).toList());
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdcStartupException("Interrupted while creating the change topics", "Start the bridge again.");
        }
    }

    private Map<String, Integer> partitions(Admin admin)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Integer> existing = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic
                : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                existing.put(topic.getKey(),
                        topic.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return existing;
    }

    private void create(Admin admin, List<String> missing)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : missing) {
            topics.add(new NewTopic(name, Optional.of(settings.partitions()),
                    Optional.ofNullable(settings.replicationFactor()).map(Integer::shortValue)));
        }
        for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(topics).values().entrySet()) {
            try {
                created.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                log.info("Created topic {} with {} partitions", created.getKey(), settings.partitions());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                // A service (creating what it consumes) was quicker: checked again on the next start.
            }
        }
    }

    private CdcStartupException tooFewPartitions(Map<String, Integer> tooFew) {
        return new CdcStartupException("kit.cdc.topics.partitions is " + settings.partitions() + ", but "
                + tooFew.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(topic -> topic.getKey() + " has " + topic.getValue()).collect(Collectors.joining(", "))
                + " partitions. Kafka can only add partitions, and adding them sends a row's next changes to another "
                + "partition than its earlier ones, so a consumer could apply them first.",
                "Set kit.cdc.topics.partitions (KIT_CHANGE_TOPIC_PARTITIONS) to at most the topics' count, or add the "
                        + "partitions while nothing is in flight: with the bridge stopped, wait until every consumer "
                        + "group of these topics has no lag (kafka-consumer-groups.sh --describe), run "
                        + "kafka-topics.sh --alter --topic <topic> --partitions " + settings.partitions()
                        + " for each, then start the bridge.");
    }

    private CdcStartupException unreachable(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new CdcStartupException("Could not check or create the change topics " + topics + " on Kafka at "
                + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + cause,
                "Set spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP) to a reachable broker, and give the bridge's "
                        + "Kafka principal Describe and Create on these topics.");
    }
}
