package dev.strangler.service.changefeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.infra.testing.SharedInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The service creates the topics it consumes where they are missing, and never adds partitions to one that exists. */
class ChangefeedTopicCreatorIntegrationTests {

    private final Map<String, Object> admin = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedInfrastructure.settings().kafkaBootstrapServers());

    @Test
    void createsMissingTopicsWithTheSettingAndLeavesAnExistingOneAsItIs() throws Exception {
        try (Admin kafka = Admin.create(admin)) {
            kafka.createTopics(List.of(new NewTopic("creator.legacy.existing", 1, (short) 1))).all().get();
            partitions(kafka, "creator.legacy.existing");
            ChangefeedTopicCreator creator = new ChangefeedTopicCreator(admin,
                    topics(List.of("creator.legacy.existing", "creator.legacy.missing"), 4));

            creator.afterSingletonsInstantiated();
            creator.afterSingletonsInstantiated(); // a second instance starting: nothing changes

            assertThat(partitions(kafka, "creator.legacy.existing", "creator.legacy.existing.dlt",
                    "creator.legacy.missing", "creator.legacy.missing.dlt"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("creator.legacy.existing", 1,
                            "creator.legacy.existing.dlt", 4, "creator.legacy.missing", 4,
                            "creator.legacy.missing.dlt", 4));
        }
    }

    /** Each topic's partitions, once the broker's metadata knows every one of them (it follows a creation). */
    private static Map<String, Integer> partitions(Admin kafka, String... topics) {
        return await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> kafka
                .describeTopics(List.of(topics)).allTopicNames().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, topic -> topic.getValue().partitions().size())),
                described -> described.size() == topics.length);
    }

    private static ChangefeedTopics topics(List<String> names, int partitions) {
        return new ChangefeedTopics() {
            @Override
            public List<String> topics() {
                return names;
            }

            @Override
            public String deadLetterTopic(String topic) {
                return topic + ".dlt";
            }

            @Override
            public int partitions() {
                return partitions;
            }

            @Override
            public int chunkSize() {
                return 500;
            }
        };
    }
}
