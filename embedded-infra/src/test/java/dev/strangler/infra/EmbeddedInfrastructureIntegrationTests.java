package dev.strangler.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.infra.testing.SharedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureIntegrationTests {

    private final InfraSettings settings = SharedInfrastructure.settings();

    @Test
    void writesARowBinlogThatTheCdcAccountCanRead() throws SQLException {
        try (Connection legacy = connect(settings.legacy()); Statement statement = legacy.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS BINLOG_PROBE (ID BIGINT PRIMARY KEY, NM VARCHAR(50))");
            statement.execute("INSERT INTO BINLOG_PROBE VALUES (1, '홍길동') ON DUPLICATE KEY UPDATE NM = VALUES(NM)");
        }

        try (Connection cdc = connect(settings.cdc()); Statement statement = cdc.createStatement()) {
            assertThat(variable(statement, "log_bin")).isEqualTo("ON");
            assertThat(variable(statement, "binlog_format")).isEqualTo("ROW");
            assertThat(variable(statement, "binlog_row_image")).isEqualTo("FULL");

            String currentLog;
            try (ResultSet status = statement.executeQuery("SHOW MASTER STATUS")) {
                assertThat(status.next()).isTrue();
                currentLog = status.getString("File");
            }
            List<String> eventTypes = new ArrayList<>();
            List<String> infos = new ArrayList<>();
            try (ResultSet events = statement.executeQuery("SHOW BINLOG EVENTS IN '" + currentLog + "'")) {
                while (events.next()) {
                    eventTypes.add(events.getString("Event_type"));
                    infos.add(events.getString("Info"));
                }
            }
            assertThat(eventTypes).anyMatch(type -> type.startsWith("Write_rows"));
            assertThat(infos).anyMatch(info -> info.contains("table_id") && info.contains(settings.legacy().database() + ".BINLOG_PROBE"));
        }
    }

    @Test
    void storesKoreanTextUnchanged() throws SQLException {
        try (Connection legacy = connect(settings.legacy()); Statement statement = legacy.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS UNICODE_PROBE (ID BIGINT PRIMARY KEY, NM VARCHAR(50))");
            statement.execute("REPLACE INTO UNICODE_PROBE VALUES (1, '김철수 😀')");
            try (ResultSet row = statement.executeQuery("SELECT NM FROM UNICODE_PROBE WHERE ID = 1")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("김철수 😀");
            }
        }
    }

    @Test
    void connectsToTheEmbeddedServerWithoutTls() throws SQLException {
        try (Connection member = connect(settings.member()); Statement statement = member.createStatement();
             ResultSet cipher = statement.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            assertThat(cipher.next()).isTrue();
            assertThat(cipher.getString("Value")).isEmpty();
        }
    }

    @Test
    void eachServiceAccountReachesOnlyItsOwnDatabase() throws SQLException {
        try (Connection member = connect(settings.memberMigration()); Statement statement = member.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS OWN_TABLE (ID INT PRIMARY KEY)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1 FROM " + settings.legacy().database() + ".BINLOG_PROBE"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
        assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(settings.legacy().database()),
                settings.member().user(), settings.member().password()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied");
    }

    @Test
    void aServicesRunTimeAccountWritesRowsButCannotChangeTheSchema() throws SQLException {
        try (Connection migration = connect(settings.orderMigration());
             Statement statement = migration.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS DDL_PROBE (ID INT PRIMARY KEY, NM VARCHAR(10))");
            statement.execute("CREATE INDEX IF NOT EXISTS IX_DDL_PROBE_NM ON DDL_PROBE (NM)");
        }
        try (Connection runtime = connect(settings.order()); Statement statement = runtime.createStatement()) {
            statement.execute("REPLACE INTO DDL_PROBE VALUES (1, 'row')");
            statement.execute("UPDATE DDL_PROBE SET NM = 'changed' WHERE ID = 1");
            statement.execute("DELETE FROM DDL_PROBE WHERE ID = 1");
            for (String ddl : List.of("CREATE TABLE RUNTIME_DDL (ID INT PRIMARY KEY)", "DROP TABLE DDL_PROBE",
                    "ALTER TABLE DDL_PROBE ADD COLUMN EXTRA INT", "TRUNCATE TABLE DDL_PROBE")) {
                assertThatThrownBy(() -> statement.execute(ddl)).as(ddl)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("command denied to user '" + settings.order().user() + "'");
            }
        }
    }

    @Test
    void kafkaRoundTripsARecord() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        String key = "member-42";
        RecordMetadata written;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            written = producer.send(new ProducerRecord<>(topic, key, "{\"name\":\"홍길동\"}")).get();
        }
        assertThat(written.offset()).isZero();

        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo(key);
                assertThat(record.value()).isEqualTo("{\"name\":\"홍길동\"}");
            });
        }
    }

    private Connection connect(DatabaseAccount account) throws SQLException {
        String database = account.database().isEmpty() ? "" : account.database();
        return DriverManager.getConnection(settings.jdbcUrl(database), account.user(), account.password());
    }

    private static String variable(Statement statement, String name) throws SQLException {
        try (ResultSet row = statement.executeQuery("SHOW VARIABLES LIKE '" + name + "'")) {
            assertThat(row.next()).as("variable %s", name).isTrue();
            return row.getString(2);
        }
    }
}
