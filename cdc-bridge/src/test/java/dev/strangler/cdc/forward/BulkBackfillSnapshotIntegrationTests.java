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
import java.nio.file.Path;
import java.sql.SQLException;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * A table left to the services' bulk backfill ({@code kit.cdc.forward.bulk-backfill-tables}): the bridge's initial
 * snapshot publishes none of its rows, yet streams its changes; the other tables are snapshotted as before.
 */
class BulkBackfillSnapshotIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final InfraSettings infra = LegacySchema.ensure();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String bulkTable = "TB_BULK_" + suffix;
    private final String snapshotTable = "TB_SNAP_" + suffix;

    @TempDir
    Path storage;

    private ForwardCapture capture;

    @AfterEach
    void stop() throws SQLException {
        if (capture != null) {
            capture.stop();
        }
        execute("DROP TABLE IF EXISTS " + bulkTable);
        execute("DROP TABLE IF EXISTS " + snapshotTable);
    }

    @Test
    void theSnapshotLeavesTheBulkTablesRowsOutAndStreamsTheirChanges() throws Exception {
        for (String table : List.of(bulkTable, snapshotTable)) {
            execute("CREATE TABLE " + table + " (ID INT NOT NULL PRIMARY KEY, NAME VARCHAR(20) NOT NULL)");
            execute("INSERT INTO " + table + " VALUES (1, 'before'), (2, 'before')");
        }
        CdcProperties plain = CdcTestSettings.capture(infra, infra.cdc().password(),
                List.of(bulkTable, snapshotTable), suffix.toLowerCase(), storage);
        CdcProperties cdc = new CdcProperties(plain.connector(), plain.source(), plain.tables(), plain.storage(),
                plain.debezium(), plain.kitTables(), plain.startupWait(), plain.producer(),
                new CdcProperties.Forward(CdcProperties.ForwardEngine.EMBEDDED, null, List.of(bulkTable)));
        assertThat(cdc.bulkBackfillTables()).containsExactly(infra.legacy().database() + "." + bulkTable);
        KafkaConnection kafka = KafkaConnection.plaintext(infra.kafkaBootstrapServers());
        capture = new ForwardCapture(cdc, kafka, new SourcePreflight(cdc, cdc.source().server(), List.of(), kafka),
                new CaptureMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), new CapturePause(),
                new Watermarks(new JdbcTemplate(new DriverManagerDataSource(infra.jdbcUrl(infra.legacy().database()),
                        infra.legacy().user(), infra.legacy().password())), cdc.kitTables().watermark()));

        try (TopicReader bulk = new TopicReader(infra.kafkaBootstrapServers(), cdc.tables().get(0).topic());
             TopicReader snapshotted = new TopicReader(infra.kafkaBootstrapServers(), cdc.tables().get(1).topic())) {
            capture.start();
            // A reader's poll returns everything it has read so far.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(operations(snapshotted.poll())).containsExactly("r", "r"));

            execute("INSERT INTO " + bulkTable + " VALUES (3, 'streamed')");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(operations(bulk.poll())).contains("c"));
            assertThat(operations(bulk.poll())).as("no snapshot read of the bulk table's rows 1 and 2")
                    .containsExactly("c");
        }
    }

    private static List<String> operations(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.value() != null)
                .map(r -> JSON.readTree(r.value()).path("op").asString()).toList();
    }

}
