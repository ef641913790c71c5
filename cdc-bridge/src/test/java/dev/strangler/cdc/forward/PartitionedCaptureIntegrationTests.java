package dev.strangler.cdc.forward;

import static dev.strangler.cdc.LegacySchema.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.cdc.CdcTestSettings;
import dev.strangler.cdc.LegacySchema;
import dev.strangler.cdc.TopicReader;
import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.startup.SourcePreflight;
import dev.strangler.cdc.topics.ChangeTopics;
import dev.strangler.cdc.topics.ChangeTopicsProperties;
import dev.strangler.infra.InfraSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The captured changes on a topic of several partitions (kit.cdc.topics.partitions): every change of one row lands in
 * that row's partition, keyed by its primary key, in the order it was committed, so a consumer group of several
 * instances applies each row's changes in order.
 */
class PartitionedCaptureIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MEMBERS = 12;
    private static final int ROUNDS = 3;

    private final InfraSettings infra = LegacySchema.ensure();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private ForwardCapture capture;

    @TempDir
    Path storage;

    @AfterEach
    void stop() {
        if (capture != null) {
            capture.stop();
        }
    }

    @Test
    void eachRowsChangesLandInOnePartitionInTheOrderTheyWereCommitted() throws Exception {
        CdcProperties cdc = CdcTestSettings.capture(infra, infra.cdc().password(), List.of("TB_MEMBER"), suffix, storage);
        String topic = cdc.tables().get(0).topic();
        KafkaConnection kafka = KafkaConnection.plaintext(infra.kafkaBootstrapServers());
        new ChangeTopics(kafka.clientProperties(), new ChangeTopicsProperties(3, null), List.of(topic)).ensure();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(insertMember("part-" + suffix + "-" + i));
        }
        start(cdc, kafka);

        try (TopicReader reader = new TopicReader(infra.kafkaBootstrapServers(), topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> changesOf(reader, members).size() == MEMBERS);
            for (int round = 1; round <= ROUNDS; round++) {
                for (long member : members) {
                    execute("UPDATE TB_MEMBER SET MBR_NM = 'round " + round + "' WHERE MBR_NO = " + member);
                }
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> changesOf(reader, members).size() == MEMBERS * (1 + ROUNDS));

            Map<Long, List<ConsumerRecord<String, String>>> byMember = changesOf(reader, members).stream()
                    .collect(Collectors.groupingBy(PartitionedCaptureIntegrationTests::member));
            Set<Integer> used = byMember.values().stream().flatMap(List::stream).map(ConsumerRecord::partition)
                    .collect(Collectors.toSet());
            assertThat(used).as("the rows spread over the partitions").hasSizeGreaterThan(1);
            byMember.forEach((member, changes) -> {
                assertThat(changes.stream().map(ConsumerRecord::partition).distinct()).as("partitions of " + member)
                        .hasSize(1);
                List<String> names = changes.stream().sorted(Comparator.comparingLong(ConsumerRecord::offset))
                        .map(change -> JSON.readTree(change.value()).path("after").path("MBR_NM").asString())
                        .toList();
                assertThat(names).as("member " + member + " in offset order")
                        .containsExactly("Partitioned", "round 1", "round 2", "round 3");
            });
        }
    }

    private static List<ConsumerRecord<String, String>> changesOf(TopicReader reader, List<Long> members) {
        return reader.poll().stream().filter(record -> record.value() != null && members.contains(member(record)))
                .toList();
    }

    private static long member(ConsumerRecord<String, String> record) {
        JsonNode key = JSON.readTree(record.key());
        return key.path("MBR_NO").asLong();
    }

    private void start(CdcProperties cdc, KafkaConnection kafka) {
        capture = new ForwardCapture(cdc, kafka, new SourcePreflight(cdc, cdc.source().server(), List.of(), kafka),
                new CaptureMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), new CapturePause(),
                new Watermarks(new JdbcTemplate(new DriverManagerDataSource(infra.jdbcUrl(infra.legacy().database()),
                        infra.legacy().user(), infra.legacy().password())), cdc.kitTables().watermark()));
        capture.start();
    }

    private long insertMember(String loginId) throws Exception {
        try (Connection connection = legacy(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, GRADE_CD) VALUES (?, 'Partitioned', ?, 'B')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, loginId);
            insert.setString(2, loginId + "@example.com");
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }


    private Connection legacy() throws Exception {
        return DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(),
                infra.legacy().password());
    }
}
