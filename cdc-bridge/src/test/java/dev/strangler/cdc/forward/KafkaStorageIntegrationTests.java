package dev.strangler.cdc.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.cdc.CdcTestSettings;
import dev.strangler.cdc.LegacySchema;
import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.startup.CdcStartupException;
import dev.strangler.cdc.startup.SourcePreflight;
import dev.strangler.infra.InfraSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Offsets in Kafka (the production store): the topics the bridge creates get the configured replicas and
 * partitions, and more replicas than the cluster has brokers stop start-up with the setting to change.
 */
class KafkaStorageIntegrationTests {

    private final InfraSettings infra = LegacySchema.ensure();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final KafkaConnection kafka = KafkaConnection.plaintext(infra.kafkaBootstrapServers());

    @TempDir
    Path storage;

    private Admin admin;
    private ForwardCapture capture;

    @BeforeEach
    void admin() {
        admin = Admin.create(Map.of("bootstrap.servers", infra.kafkaBootstrapServers()));
    }

    @AfterEach
    void stop() {
        if (capture != null) {
            capture.stop();
        }
        admin.close();
    }

    @Test
    void theOffsetsTopicHasTheConfiguredReplicasAndPartitionsAndHoldsThePosition() throws Exception {
        CdcProperties cdc = kafkaStorage(1, 2, CdcProperties.ForwardEngine.EMBEDDED);
        start(cdc);
        // A change to read, so that there is a position to commit.
        legacy().update("INSERT INTO " + cdc.kitTables().watermark() + " (ID, SEQ, WRITTEN_AT) VALUES (1, ?, "
                + "CURRENT_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE SEQ = VALUES(SEQ)", System.nanoTime());

        String offsets = "kit-test-" + suffix + ".offsets.forward";
        // Debezium creates the topic as it starts: absent until then.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            TopicDescription topic = admin.describeTopics(List.of(offsets)).allTopicNames().get().get(offsets);
            assertThat(topic.partitions()).hasSize(2)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
            // The snapshot's position is committed there: a restart resumes from it.
            long records = admin.listOffsets(Map.of(new TopicPartition(offsets, 0), OffsetSpec.latest(),
                            new TopicPartition(offsets, 1), OffsetSpec.latest())).all().get().values().stream()
                    .mapToLong(ListOffsetsResultInfo::offset).sum();
            assertThat(records).isPositive();
        });
        assertThat(cleanupPolicy(offsets)).isEqualTo("compact");
    }

    @Test
    void moreReplicasThanTheClusterHasBrokersAreRefusedBeforeAnyTopicIsCreated() throws Exception {
        CdcProperties cdc = kafkaStorage(2, 1, CdcProperties.ForwardEngine.EMBEDDED);

        assertThatThrownBy(() -> start(cdc))
                .isInstanceOf(CdcStartupException.class)
                .hasMessageContaining("kit.cdc.storage.replication-factor is 2, but the Kafka cluster at "
                        + infra.kafkaBootstrapServers() + " has 1 broker(s)")
                .extracting(e -> ((CdcStartupException) e).action()).asString()
                .contains("CDC_STORAGE_REPLICATION_FACTOR", "at most 1");
        assertThat(admin.listTopics().names().get()).noneMatch(topic -> topic.startsWith("kit-test-" + suffix));
    }

    @Test
    void withTheConnectorOnKafkaConnectTheBridgeCreatesAndFollowsItsWatermarkTopic() throws Exception {
        CdcProperties cdc = kafkaStorage(1, 1, CdcProperties.ForwardEngine.KAFKA_CONNECT);
        start(cdc);

        String watermarks = cdc.source().topicPrefix() + ".kit-watermark";
        assertThat(capture.isRunning()).as("following the watermark topic").isTrue();
        TopicDescription topic = admin.describeTopics(List.of(watermarks)).allTopicNames().get().get(watermarks);
        assertThat(topic.partitions()).singleElement()
                .satisfies(partition -> assertThat(partition.replicas()).hasSize(1));
        assertThat(cleanupPolicy(watermarks)).isEqualTo("compact");
        assertThat(admin.listTopics().names().get()).as("no engine of its own, so no offsets topic")
                .doesNotContain("kit-test-" + suffix + ".offsets.forward");
    }

    private String cleanupPolicy(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(Set.of(resource)).all().get().get(resource).get("cleanup.policy").value();
    }

    private CdcProperties kafkaStorage(int replicas, int partitions, CdcProperties.ForwardEngine engine) {
        CdcProperties file = CdcTestSettings.capture(infra, infra.cdc().password(), List.of("TB_MEMBER"), suffix,
                storage);
        return new CdcProperties(file.connector(), file.source(), file.tables(),
                new CdcProperties.Storage(CdcProperties.StorageKind.KAFKA, null, "kit-test-" + suffix + ".offsets",
                        "kit-test-" + suffix + ".schema-history", replicas, partitions),
                file.debezium(), file.kitTables(), file.startupWait(), file.producer(),
                new CdcProperties.Forward(engine, null, List.of()));
    }

    private void start(CdcProperties cdc) {
        capture = new ForwardCapture(cdc, kafka, new SourcePreflight(cdc, cdc.source().server(), List.of(), kafka),
                new CaptureMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), new CapturePause(),
                new Watermarks(legacy(), cdc.kitTables().watermark()));
        capture.start();
    }

    private JdbcTemplate legacy() {
        return new JdbcTemplate(new DriverManagerDataSource(infra.jdbcUrl(infra.legacy().database()),
                infra.legacy().user(), infra.legacy().password()));
    }
}
