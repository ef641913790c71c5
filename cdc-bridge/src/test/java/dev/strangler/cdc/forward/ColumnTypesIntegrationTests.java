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
import dev.strangler.service.backfill.BulkBackfillProperties;
import dev.strangler.service.backfill.LegacySnapshot;
import dev.strangler.service.backfill.RowImageReader;
import dev.strangler.service.changefeed.LegacyRow;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change-event contract end to end: a legacy table with every column type MySQL and MariaDB have, a composite
 * key, a TIMESTAMP version column and a generated column, captured by the real bridge from the real binlog, read
 * back exactly by the consumers' {@link LegacyRow}.
 */
class ColumnTypesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final InfraSettings infra = LegacySchema.ensure();
    private final String table = "TB_TYPED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @TempDir
    Path storage;

    private ForwardCapture capture;

    @AfterEach
    void stop() throws SQLException {
        if (capture != null) {
            capture.stop();
        }
        execute("DROP TABLE IF EXISTS " + table);
    }

    @Test
    void everyColumnTypeReadsBackExactlyAsTheConsumersReadIt() throws Exception {
        execute("CREATE TABLE " + table + " ("
                + " REGION CHAR(2) NOT NULL, SEQ INT NOT NULL,"
                + " AMOUNT DECIMAL(12,3) NOT NULL, BIG BIGINT UNSIGNED NOT NULL,"
                + " CREATED DATETIME(3) NOT NULL,"
                + " UPDATED TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),"
                + " BORN DATE, AT_TIME TIME(3), YR YEAR, FLAG BIT(1), BITS BIT(12),"
                + " STATUS ENUM('NEW','PAID'), TAGS SET('a','b','c'), DOC JSON, PHOTO BLOB, RAW BINARY(4),"
                + " RATIO DOUBLE, TOTAL DECIMAL(14,3) AS (AMOUNT * 2) STORED, NOTE VARCHAR(20) NULL,"
                + " PRIMARY KEY (REGION, SEQ))");
        // One row before the capture starts (the snapshot reads it), then an update of it (the binlog brings it):
        // both of Debezium's paths must produce what the consumers read.
        execute("INSERT INTO " + table + " (REGION, SEQ, AMOUNT, BIG, CREATED, UPDATED, BORN, AT_TIME, YR, FLAG,"
                + " BITS, STATUS, TAGS, DOC, PHOTO, RAW, RATIO, NOTE) VALUES ('KR', 7, 1234.560,"
                + " 18446744073709551615, '2026-11-30 07:17:27.123', '2026-11-30 07:17:27.456',"
                + " '2024-10-04', '12:34:56.789', 2026, b'1', b'000000001111', 'PAID', 'c,a',"
                + " '{\"k\": [1, 2]}', x'000102ff', x'cafebabe', 0.25, NULL)");
        CdcProperties cdc = CdcTestSettings.capture(infra, infra.cdc().password(), List.of(table),
                UUID.randomUUID().toString().substring(0, 8), storage);
        KafkaConnection kafka = KafkaConnection.plaintext(infra.kafkaBootstrapServers());
        capture = new ForwardCapture(cdc, kafka, new SourcePreflight(cdc, cdc.source().server(), List.of(), kafka),
                new CaptureMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), new CapturePause(),
                new Watermarks(new JdbcTemplate(new DriverManagerDataSource(infra.jdbcUrl(infra.legacy().database()),
                        infra.legacy().user(), infra.legacy().password())), cdc.kitTables().watermark()));

        try (TopicReader reader = new TopicReader(infra.kafkaBootstrapServers(), cdc.tables().get(0).topic())) {
            capture.start();
            JsonNode snapshotRead = await().atMost(Duration.ofSeconds(60)).until(() -> event(reader, "r"),
                    Optional::isPresent).orElseThrow();
            assertReadsBack(new LegacyRow(table, snapshotRead.path("after")));
            assertThat(new LegacyRow(table, snapshotRead.path("after")).has("NOTE")).isFalse();
            assertTheBulkBackfillReadsTheSameImage(snapshotRead);

            // UPDATED set as it was: ON UPDATE CURRENT_TIMESTAMP would move it otherwise.
            execute("UPDATE " + table + " SET NOTE = 'streamed', UPDATED = UPDATED WHERE REGION = 'KR' AND SEQ = 7");
            JsonNode streamed = await().atMost(Duration.ofSeconds(60)).until(() -> event(reader, "u"),
                    Optional::isPresent).orElseThrow();
            assertReadsBack(new LegacyRow(table, streamed.path("after")));
            assertThat(new LegacyRow(table, streamed.path("after")).text("NOTE")).isEqualTo("streamed");
        }
    }

    /**
     * The services' bulk backfill reads rows with JDBC instead of Debezium: its image of the row must be the snapshot
     * event's, value for value, or a table would translate the two differently. Its snapshot stands at or after
     * Debezium's, which opened first.
     */
    private void assertTheBulkBackfillReadsTheSameImage(JsonNode snapshotRead) throws SQLException {
        try (LegacySnapshot snapshot = LegacySnapshot.open(new BulkBackfillProperties(
                infra.jdbcUrl(infra.legacy().database()), infra.legacy().user(), infra.legacy().password(), 100));
             ResultSet rows = snapshot.readAll(table)) {
            assertThat(rows.next()).isTrue();
            LegacyRow bulk = new RowImageReader(table, rows.getMetaData()).read(rows);
            // As JSON text: the consumers read a long and an int alike, where the two node trees hold one of each.
            assertThat(bulk.json().toString()).isEqualTo(snapshotRead.path("after").toString());
            JsonNode source = snapshotRead.path("source");
            assertThat(snapshot.position().file()).isGreaterThanOrEqualTo(source.path("file").asString());
            if (snapshot.position().file().equals(source.path("file").asString())) {
                assertThat(snapshot.position().position()).isGreaterThanOrEqualTo(source.path("pos").asLong());
            }
            assertThat(rows.next()).isFalse();
        }
    }

    private static Optional<JsonNode> event(TopicReader reader, String operation) {
        return reader.poll().stream().filter(r -> r.value() != null).map(r -> JSON.readTree(r.value()))
                .filter(e -> e.path("op").asString().equals(operation)).findFirst();
    }

    private void assertReadsBack(LegacyRow row) {
        assertThat(row.key("REGION", "SEQ")).isEqualTo("\"KR\"\u001f7");
        assertThat(row.decimal("AMOUNT")).isEqualByComparingTo("1234.560");
        assertThat(row.bigInteger("BIG")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(row.instant("CREATED")).isEqualTo(Instant.parse("2026-11-30T07:17:27.123Z"));
        assertThat(row.instant("UPDATED")).as("a TIMESTAMP, stored in UTC by the server")
                .isEqualTo(Instant.parse("2026-11-30T07:17:27.456Z"));
        assertThat(row.version("UPDATED")).isEqualTo(Instant.parse("2026-11-30T07:17:27.456Z").toEpochMilli());
        assertThat(row.date("BORN")).isEqualTo(LocalDate.of(2024, 10, 4));
        assertThat(row.time("AT_TIME")).isEqualTo(LocalTime.of(12, 34, 56, 789_000_000));
        assertThat(row.intValue("YR")).isEqualTo(2026);
        assertThat(row.bool("FLAG")).isTrue();
        assertThat(row.bytes("BITS")).isNotEmpty();
        assertThat(row.text("STATUS")).isEqualTo("PAID");
        assertThat(row.set("TAGS")).containsExactly("a", "c");
        assertThat(row.json("DOC").path("k").get(1).asInt()).isEqualTo(2);
        assertThat(row.bytes("PHOTO")).containsExactly(0, 1, 2, 0xff);
        assertThat(row.bytes("RAW")).containsExactly(0xca, 0xfe, 0xba, 0xbe);
        assertThat(row.doubleValue("RATIO")).isEqualTo(0.25);
        assertThat(row.decimal("TOTAL")).as("a generated column").isEqualByComparingTo(new BigDecimal("2469.12"));
    }

}
