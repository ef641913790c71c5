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
import dev.strangler.infra.InfraSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Debezium on the real MariaDB binlog, publishing to the real broker. */
class ForwardCaptureIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final InfraSettings infra = LegacySchema.ensure();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path storage;

    private ForwardCapture capture;
    private CaptureMetrics metrics;

    @AfterEach
    void stop() {
        if (capture != null) {
            capture.stop();
        }
    }

    @Test
    void snapshotsExistingRowsThenStreamsInsertsUpdatesAndDeletesWithTheirSourcePosition() throws Exception {
        long existing = insertMember("snap-" + suffix, "김민준");
        CdcProperties cdc = CdcTestSettings.capture(infra, suffix, storage);
        String topic = cdc.tables().get(0).topic();
        start(cdc);

        try (TopicReader reader = new TopicReader(infra.kafkaBootstrapServers(), topic)) {
            JsonNode snapshot = awaitEvent(reader, existing, "r");
            assertThat(snapshot.path("after").path("MBR_NM").asString()).isEqualTo("김민준");

            long streamed = insertMember("live-" + suffix, "Jane Doe");
            execute("UPDATE TB_MEMBER SET GRADE_CD = 'G' WHERE MBR_NO = " + existing);
            execute("DELETE FROM TB_MEMBER WHERE MBR_NO = " + streamed);

            JsonNode created = awaitEvent(reader, streamed, "c");
            assertThat(created.path("after").path("LOGIN_ID").asString()).isEqualTo("live-" + suffix);
            assertThat(created.path("source").path("file").asString()).startsWith("mariadb-bin.");
            assertThat(created.path("source").path("pos").asLong()).isPositive();
            assertThat(created.path("source").path("gtid").asString()).isNotBlank();
            assertThat(created.path("transaction").path("id").asString()).isNotBlank();
            assertThat(created.path("ts_ms").asLong()).isPositive();

            JsonNode updated = awaitEvent(reader, existing, "u");
            assertThat(updated.path("before").path("GRADE_CD").asString()).isEqualTo("B");
            assertThat(updated.path("after").path("GRADE_CD").asString()).isEqualTo("G");

            JsonNode deleted = awaitEvent(reader, streamed, "d");
            assertThat(deleted.path("after").isNull()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().stream()
                    .anyMatch(r -> r.value() == null && key(r) == streamed));
        }
        assertThat(metrics.eventCount(cdc.tables().get(0).table())).isGreaterThanOrEqualTo(4);
        assertThat(metrics.lastPosition().file()).startsWith("mariadb-bin.");
    }

    @Test
    void resumesFromItsStoredOffsetAfterARestartWithoutSnapshottingAgain() throws Exception {
        CdcProperties cdc = CdcTestSettings.capture(infra, suffix, storage);
        String topic = cdc.tables().get(0).topic();
        long before = insertMember("before-" + suffix, "Before Restart");
        start(cdc);
        try (TopicReader reader = new TopicReader(infra.kafkaBootstrapServers(), topic)) {
            awaitEvent(reader, before, "r");
            // A streamed insert shows the snapshot is over: stopping mid-snapshot would restart the snapshot.
            awaitEvent(reader, insertMember("streaming-" + suffix, "Streaming Started"), "c");
            capture.stop();
            assertThat(Files.size(storage.resolve("forward-offsets.dat"))).isPositive();

            long whileStopped = insertMember("stopped-" + suffix, "While Stopped");
            start(cdc);
            long afterRestart = insertMember("after-" + suffix, "After Restart");

            awaitEvent(reader, whileStopped, "c");
            awaitEvent(reader, afterRestart, "c");
            long snapshotsOfBefore = reader.poll().stream().filter(r -> r.value() != null && key(r) == before
                    && op(r).equals("r")).count();
            assertThat(snapshotsOfBefore).as("a restart resumes streaming, it does not snapshot again").isEqualTo(1);
        }
    }

    @Test
    void tagsTheReversePathsOwnWritesWithTheOutboxEventTheyEcho() throws Exception {
        long member = insertMember("echo-" + suffix, "Echo Test");
        CdcProperties cdc = CdcTestSettings.capture(infra, suffix, storage);
        start(cdc);
        try (TopicReader reader = new TopicReader(infra.kafkaBootstrapServers(), cdc.tables().get(0).topic())) {
            awaitEvent(reader, member, "r");

            try (Connection connection = legacy()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO " + cdc.kitTables().echoMarker() + " (SOURCE_EVENT_ID) VALUES ('evt-" + suffix + "')");
                    statement.execute("UPDATE TB_MEMBER SET MBR_NM = 'From The Service' WHERE MBR_NO = " + member);
                }
                connection.commit();
            }
            execute("UPDATE TB_MEMBER SET MBR_NM = 'From The Monolith' WHERE MBR_NO = " + member);

            await().atMost(Duration.ofSeconds(60)).until(() -> updates(reader, member).size() == 2);
            List<ConsumerRecord<String, String>> updates = updates(reader, member);
            assertThat(name(updates.get(0))).isEqualTo("From The Service");
            assertThat(echoOf(updates.get(0))).as("published for every consumer, tagged as the echo of its event")
                    .isEqualTo("evt-" + suffix);
            assertThat(name(updates.get(1))).isEqualTo("From The Monolith");
            assertThat(updates.get(1).headers().lastHeader(KafkaChangePublisher.ECHO_HEADER)).isNull();
        }
        assertThat(metrics.echoes(cdc.tables().get(0).table())).isEqualTo(1);
    }

    private static List<ConsumerRecord<String, String>> updates(TopicReader reader, long member) {
        return reader.poll().stream().filter(r -> r.value() != null && key(r) == member && op(r).equals("u")).toList();
    }

    private static String name(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value()).path("after").path("MBR_NM").asString();
    }

    private static String echoOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(KafkaChangePublisher.ECHO_HEADER);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void start(CdcProperties cdc) {
        metrics = new CaptureMetrics(new SimpleMeterRegistry(), Clock.systemUTC());
        KafkaConnection kafka = KafkaConnection.plaintext(infra.kafkaBootstrapServers());
        capture = new ForwardCapture(cdc, kafka, new SourcePreflight(cdc, cdc.source().server(), List.of(), kafka),
                metrics, new CapturePause(),
                new Watermarks(new JdbcTemplate(new DriverManagerDataSource(infra.jdbcUrl(infra.legacy().database()),
                        infra.legacy().user(), infra.legacy().password())), cdc.kitTables().watermark()));
        capture.start();
    }

    private static JsonNode awaitEvent(TopicReader reader, long memberNo, String op) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream()
                        .filter(r -> r.value() != null && key(r) == memberNo && op(r).equals(op))
                        .map(r -> JSON.readTree(r.value())).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static long key(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.key()).path("MBR_NO").asLong();
    }

    private static String op(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value()).path("op").asString();
    }

    private long insertMember(String loginId, String name) throws SQLException {
        try (Connection connection = legacy(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, GRADE_CD) VALUES (?, ?, ?, 'B')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, loginId);
            insert.setString(2, name);
            insert.setString(3, loginId + "@example.com");
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }


    private Connection legacy() throws SQLException {
        return DriverManager.getConnection(infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(),
                infra.legacy().password());
    }
}
