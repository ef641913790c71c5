package dev.strangler.cdc.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.cdc.config.CdcProperties.CapturedTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Filter;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.apache.kafka.connect.transforms.predicates.TopicNameMatches;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The forward path as a Kafka Connect connector: the engine's Debezium properties, and the publisher's routing. */
class KafkaConnectConnectorTests {

    /** What only the embedded engine has: where it keeps its position, and its own flush and format settings. */
    private static final Set<String> ENGINE_ONLY = Set.of("offset.storage", "offset.storage.file.filename",
            "offset.storage.topic", "offset.storage.partitions", "offset.storage.replication.factor",
            "offset.flush.interval.ms", "converter.schemas.enable", "bootstrap.servers", "schema.history.internal",
            "schema.history.internal.file.filename", "schema.history.internal.kafka.topic",
            "schema.history.internal.kafka.bootstrap.servers");

    private static final KafkaConnection KAFKA = new KafkaConnection("kafka-1:9092,kafka-2:9092", Map.of(
            "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "ScramLoginModule required username=\"kit\" password=\"kafka-secret\";"));

    @Test
    void everyDebeziumPropertyOfTheEmbeddedEngineIsTheConnectorsSecretsAsReferences() {
        CdcProperties cdc = settings(Map.of("snapshot.fetch.size", "10000"));
        Properties engine = DebeziumConfiguration.forward(cdc, KAFKA);
        Map<String, String> connector = KafkaConnectConnector.forward(cdc, KAFKA,
                KafkaConnectConnector.Secrets.fromEnvironment()).config();

        assertThat(engine.getProperty("database.password")).isEqualTo("db-secret");
        engine.stringPropertyNames().stream()
                .filter(key -> !ENGINE_ONLY.contains(key) && KafkaConnectConnector.secretVariable(key) == null
                        && !KAFKA.security().containsKey(key) && !key.startsWith("schema.history.internal."))
                .forEach(key -> assertThat(connector).as(key).containsEntry(key, engine.getProperty(key)));
        assertThat(connector).containsEntry("snapshot.fetch.size", "10000")
                .containsEntry("table.include.list", "shop\\.TB_MEMBER,shop\\.TB_ORDER,kit\\.KIT_CDC_SIGNAL,"
                        + "kit\\.KIT_CDC_ECHO_MARKER,kit\\.KIT_CDC_WATERMARK")
                .containsEntry("signal.data.collection", "kit.KIT_CDC_SIGNAL")
                .containsEntry("snapshot.mode", "initial")
                .containsEntry("tasks.max", "1")
                .containsEntry("database.password", "${env:CDC_DB_PASSWORD}")
                .containsEntry("schema.history.internal.kafka.topic", "shop.cdc-schema-history.connect")
                .containsEntry("schema.history.internal.kafka.bootstrap.servers", "kafka-1:9092,kafka-2:9092")
                .containsEntry("schema.history.internal.producer.sasl.jaas.config",
                        "${env:SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG}")
                .containsEntry("schema.history.internal.consumer.security.protocol", "SASL_SSL")
                .containsEntry("key.converter", "org.apache.kafka.connect.json.JsonConverter")
                .containsEntry("key.converter.schemas.enable", "false")
                .containsEntry("value.converter.decimal.format", "NUMERIC")
                .doesNotContainKeys("offset.storage", "offset.storage.topic", "bootstrap.servers", "sasl.jaas.config");
        assertThat(connector.values())
                .noneMatch(value -> value.contains("db-secret") || value.contains("kafka-secret"));
        assertThat(KafkaConnectConnector.forward(cdc, KAFKA, KafkaConnectConnector.Secrets.fromFile("/etc/kit/s"))
                .config()).containsEntry("database.password", "${file:/etc/kit/s:CDC_DB_PASSWORD}");
        assertThat(KafkaConnectConnector.forward(cdc, KAFKA, KafkaConnectConnector.Secrets.revealed()).config())
                .containsEntry("database.password", "db-secret");
    }

    @Test
    void recordsAreRoutedAsThePublisherRoutesThemAndTheKitsOwnAreDropped() {
        Map<String, String> config = KafkaConnectConnector.forward(settings(Map.of()), KAFKA,
                KafkaConnectConnector.Secrets.fromEnvironment()).config();

        assertThat(through(config, "shop.shop.TB_MEMBER")).isEqualTo("legacy.member");
        assertThat(through(config, "shop.shop.TB_ORDER")).isEqualTo("legacy.order");
        assertThat(through(config, "shop.kit.KIT_CDC_WATERMARK")).isEqualTo("shop.kit-watermark");
        assertThat(through(config, "shop.kit.KIT_CDC_SIGNAL")).as("signals are not published").isNull();
        assertThat(through(config, "shop.kit.KIT_CDC_ECHO_MARKER")).isNull();
        assertThat(through(config, "shop.transaction")).as("transaction boundaries").isNull();
        assertThat(through(config, "shop.shop.TB_MEMBERSHIP")).as("a name the route's pattern only starts")
                .isNull();
    }

    @Test
    void thePrinterReadsTheBridgesSettingsAndNamesABadOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ConnectorConfigPrinter.print(new String[] {"--kit.cdc.source.topic-prefix=shop",
                "--kit.cdc.source.password=printed-nowhere", "--config-only"}, print(out), print(err));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"name\" : \"kit-cdc-forward-shop\"",
                "\"transforms.kitTopic0.replacement\" : \"legacy.member\"",
                "\"database.password\" : \"${env:CDC_DB_PASSWORD}\"").doesNotContain("printed-nowhere", "\"config\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CDC_DB_PASSWORD", "EnvVarConfigProvider");

        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(ConnectorConfigPrinter.print(new String[] {"--kit.cdc.storage.replication-factor=0"},
                print(new ByteArrayOutputStream()), print(refused))).isEqualTo(2);
        assertThat(refused.toString(StandardCharsets.UTF_8))
                .contains("kit.cdc.storage.replication-factor: must be greater than or equal to 1");
    }

    /** The topic a record of {@code topic} leaves the connector's transforms with, or null when it is dropped. */
    private static String through(Map<String, String> config, String topic) {
        ConnectRecord<SourceRecord> record = new SourceRecord(Map.of(), Map.of(), topic, Schema.STRING_SCHEMA, "k",
                Schema.STRING_SCHEMA, "v");
        TopicNameMatches<SourceRecord> published = new TopicNameMatches<>();
        published.configure(Map.of("pattern", config.get("predicates.kitPublished.pattern")));
        for (String name : config.get("transforms").split(",")) {
            String type = config.get("transforms." + name + ".type");
            if (type.equals(RegexRouter.class.getName())) {
                try (RegexRouter<SourceRecord> router = new RegexRouter<>()) {
                    router.configure(Map.of("regex", config.get("transforms." + name + ".regex"),
                            "replacement", config.get("transforms." + name + ".replacement")));
                    record = router.apply((SourceRecord) record);
                }
            } else {
                assertThat(type).isEqualTo(Filter.class.getName());
                assertThat(config).containsEntry("transforms." + name + ".predicate", "kitPublished")
                        .containsEntry("transforms." + name + ".negate", "true");
                if (!published.test((SourceRecord) record)) {
                    return null;
                }
            }
        }
        return record.topic();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static CdcProperties settings(Map<String, String> debezium) {
        return new CdcProperties(CdcProperties.Connector.MARIADB,
                new CdcProperties.Source("db.internal", 3306, "kit_cdc", "db-secret", null, 5401, "shop"),
                List.of(new CapturedTable("shop.TB_MEMBER", "legacy.member"),
                        new CapturedTable("shop.TB_ORDER", "legacy.order")),
                new CdcProperties.Storage(CdcProperties.StorageKind.KAFKA, null, null, null, 3, 1),
                new HashMap<>(debezium),
                new CdcProperties.KitTables("kit.KIT_CDC_SIGNAL", "kit.KIT_CDC_ECHO_MARKER", "kit.KIT_CDC_WATERMARK"),
                Duration.ZERO, new CdcProperties.Producer(CdcProperties.Compression.NONE, DataSize.ofKilobytes(16)),
                new CdcProperties.Forward(CdcProperties.ForwardEngine.KAFKA_CONNECT, null, List.of()));
    }
}
