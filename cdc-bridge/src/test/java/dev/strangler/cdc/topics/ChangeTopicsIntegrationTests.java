package dev.strangler.cdc.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.cdc.startup.CdcStartupException;
import dev.strangler.infra.testing.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The bridge creates its topics with the configured partitions, and refuses a topic it would have to grow. */
class ChangeTopicsIntegrationTests {

    private final Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedInfrastructure.settings().kafkaBootstrapServers());
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void createsMissingTopicsWithThePartitionsAndKeepsOneThatHasMore() throws Exception {
        String missing = "legacy.member." + suffix;
        String larger = "outbox.event.Member." + suffix;
        try (Admin kafka = Admin.create(admin)) {
            kafka.createTopics(List.of(new NewTopic(larger, 4, (short) 1))).all().get();
            partitions(kafka, larger);

            new ChangeTopics(admin, new ChangeTopicsProperties(3, null), List.of(missing, larger)).ensure();

            assertThat(partitions(kafka, missing, larger)).isEqualTo(Map.of(missing, 3, larger, 4));
        }
    }

    @Test
    void refusesATopicWithFewerPartitionsAndLeavesItAsItIs() throws Exception {
        String existing = "legacy.order." + suffix;
        String missing = "legacy.product." + suffix;
        try (Admin kafka = Admin.create(admin)) {
            kafka.createTopics(List.of(new NewTopic(existing, 1, (short) 1))).all().get();
            partitions(kafka, existing);
            ChangeTopics topics = new ChangeTopics(admin, new ChangeTopicsProperties(6, null), List.of(existing, missing));

            assertThatThrownBy(topics::ensure).isInstanceOf(CdcStartupException.class)
                    .hasMessageContaining("kit.cdc.topics.partitions is 6, but " + existing + " has 1 partitions")
                    .satisfies(failure -> assertThat(((CdcStartupException) failure).action())
                            .contains("KIT_CHANGE_TOPIC_PARTITIONS", "no lag", "--partitions 6"));
            assertThat(partitions(kafka, existing)).isEqualTo(Map.of(existing, 1));
            assertThat(kafka.listTopics().names().get()).as("nothing created on a refusal").doesNotContain(missing);
        }
    }

    /** Each topic's partitions, once the broker's metadata knows every one of them (it follows a creation). */
    private static Map<String, Integer> partitions(Admin kafka, String... topics) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> kafka
                .describeTopics(List.of(topics)).allTopicNames().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, topic -> topic.getValue().partitions().size())),
                described -> described.size() == topics.length);
    }
}
