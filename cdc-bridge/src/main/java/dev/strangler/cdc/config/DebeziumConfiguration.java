package dev.strangler.cdc.config;

import dev.strangler.cdc.config.CdcProperties.CapturedTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** The one place where the kit's settings become Debezium connector properties. */
public final class DebeziumConfiguration {

    /**
     * How change events are written as JSON, by the bridge's publisher and by Kafka Connect's JsonConverter alike:
     * without the schema, as the consumers read them, and decimals Debezium does not already send as strings
     * (BIGINT UNSIGNED, read precisely) as JSON numbers.
     */
    public static final Map<String, String> CHANGE_EVENT_JSON = Map.of("schemas.enable", "false",
            "decimal.format", "NUMERIC");

    private DebeziumConfiguration() {
    }

    /** The forward path: the captured legacy tables, plus the kit's signal, echo-marker and watermark tables. */
    public static Properties forward(CdcProperties cdc, KafkaConnection kafka) {
        Properties p = forwardConnector(cdc);
        engine(p, cdc.storage(), "forward", cdc.source().topicPrefix(), kafka);
        cdc.debezium().forEach(p::setProperty);
        return p;
    }

    /**
     * The forward connector itself, wherever it runs: the embedded engine adds where it keeps its position, Kafka
     * Connect ({@link KafkaConnectConnector}) its converters and routes.
     */
    static Properties forwardConnector(CdcProperties cdc) {
        // The kit's own tables are captured too: signals start re-snapshots, echo markers identify the reverse
        // path's transactions, watermarks mark barriers. None is published.
        List<String> tables = new ArrayList<>(cdc.tables().stream().map(CapturedTable::table).toList());
        tables.add(cdc.kitTables().signal());
        tables.add(cdc.kitTables().echoMarker());
        tables.add(cdc.kitTables().watermark());
        Properties p = connector(cdc, cdc.source().server(), "forward", cdc.source().serverId(),
                cdc.source().topicPrefix(), tables);
        p.setProperty("signal.data.collection", cdc.kitTables().signal());
        p.setProperty("signal.enabled.channels", "source");
        p.setProperty("incremental.snapshot.chunk.size", "2048");
        // Larger batches than Debezium's 2,048 (queue 8,192): the publisher waits for every record of a batch to be
        // acknowledged before the offset is committed, so fewer, larger batches keep a backfill's snapshot moving.
        p.setProperty("max.batch.size", "8192");
        p.setProperty("max.queue.size", "32768");
        // Tables the services copy with their bulk backfill: the snapshot reads their schema but none of their rows.
        List<String> bulk = cdc.bulkBackfillTables();
        if (!bulk.isEmpty()) {
            p.setProperty("snapshot.select.statement.overrides", String.join(",", bulk));
            bulk.forEach(table -> p.setProperty("snapshot.select.statement.overrides." + table,
                    "SELECT * FROM " + quoted(table) + " WHERE 1 = 0"));
        }
        return p;
    }

    private static String quoted(String table) {
        int dot = table.indexOf('.');
        return "`" + table.substring(0, dot) + "`.`" + table.substring(dot + 1) + "`";
    }

    /**
     * The outbox relay: the extracted services' outbox tables (and the watermark table), with a position of its own.
     * Deletes (pruning) are not events; no tombstones are needed for topics keyed by aggregate.
     *
     * @param server the server of the services' databases (the legacy server unless they have their own)
     * @param watermarkTable the watermark table on that server
     */
    public static Properties outbox(CdcProperties cdc, DatabaseServer server, long serverId, String topicPrefix,
                                    List<String> outboxTables, String watermarkTable, KafkaConnection kafka) {
        List<String> tables = new ArrayList<>(outboxTables);
        tables.add(watermarkTable);
        Properties p = connector(cdc, server, "outbox", serverId, topicPrefix, tables);
        p.setProperty("tombstones.on.delete", "false");
        engine(p, cdc.storage(), "outbox", topicPrefix, kafka);
        return p;
    }

    private static Properties connector(CdcProperties cdc, DatabaseServer server, String path, long serverId,
                                        String topicPrefix, List<String> tables) {
        Properties p = new Properties();
        p.setProperty("name", name(path, topicPrefix));
        p.setProperty("connector.class", switch (cdc.connector()) {
            case MARIADB -> "io.debezium.connector.mariadb.MariaDbConnector";
            case MYSQL -> "io.debezium.connector.mysql.MySqlConnector";
        });
        server.debezium(p, cdc.connector());
        p.setProperty("database.server.id", Long.toString(serverId));
        p.setProperty("topic.prefix", topicPrefix);
        p.setProperty("database.include.list", tables.stream().map(t -> t.substring(0, t.indexOf('.'))).distinct()
                .collect(Collectors.joining(",")));
        p.setProperty("table.include.list", tables.stream().map(DebeziumConfiguration::quote)
                .collect(Collectors.joining(",")));
        p.setProperty("snapshot.mode", "initial");
        p.setProperty("include.schema.changes", "false");
        p.setProperty("provide.transaction.metadata", "true");
        p.setProperty("tombstones.on.delete", "true");
        // Exact decimals as strings and timestamps as epoch milliseconds: what the consumers translate from.
        p.setProperty("decimal.handling.mode", "string");
        // BIGINT UNSIGNED beyond 2^63 exactly (a long would wrap); binary columns as base64 text.
        p.setProperty("bigint.unsigned.handling.mode", "precise");
        p.setProperty("binary.handling.mode", "base64");
        p.setProperty("time.precision.mode", "connect");
        // Without this the engine waits up to 500 ms between polls, which dominates end-to-end lag.
        p.setProperty("poll.interval.ms", "50");
        // A database restart drops the binlog connection; the client notices and reconnects within this (default 1 min).
        p.setProperty("connect.keep.alive.interval.ms", "5000");
        return p;
    }

    /** What only the embedded engine needs: where it keeps offsets and schema history, and when it commits. */
    private static void engine(Properties p, CdcProperties.Storage storage, String path, String prefix,
                               KafkaConnection kafka) {
        p.setProperty("converter.schemas.enable", "false");
        // Offsets are committed after every batch the consumer has finished with.
        p.setProperty("offset.flush.interval.ms", "0");
        switch (storage.kind()) {
            case FILE -> {
                Path directory = Path.of(storage.directory()).toAbsolutePath();
                p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
                p.setProperty("offset.storage.file.filename", directory.resolve(path + "-offsets.dat").toString());
                p.setProperty("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
                p.setProperty("schema.history.internal.file.filename",
                        directory.resolve(path + "-schema-history.dat").toString());
            }
            case KAFKA -> {
                p.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
                p.setProperty("offset.storage.topic", offsetTopic(storage, prefix, path));
                p.setProperty("offset.storage.partitions", Integer.toString(storage.offsetPartitions()));
                p.setProperty("offset.storage.replication.factor", Integer.toString(storage.replicationFactor()));
                p.setProperty("bootstrap.servers", kafka.bootstrapServers());
                p.setProperty("schema.history.internal", "io.debezium.storage.kafka.history.KafkaSchemaHistory");
                p.setProperty("schema.history.internal.kafka.topic", schemaHistoryTopic(storage, prefix, path));
                p.setProperty("schema.history.internal.kafka.bootstrap.servers", kafka.bootstrapServers());
                kafka.applyTo(p);
            }
        }
    }

    /** The forward connector's name: the embedded engine's, and the connector's on Kafka Connect. */
    public static String forwardName(CdcProperties cdc) {
        return name("forward", cdc.source().topicPrefix());
    }

    private static String name(String path, String topicPrefix) {
        return "kit-cdc-" + path + "-" + topicPrefix;
    }

    /** The offsets topic of a path ({@code forward}, {@code outbox}) with KAFKA storage. */
    public static String offsetTopic(CdcProperties.Storage storage, String topicPrefix, String path) {
        return orDefault(storage.offsetTopic(), topicPrefix + ".cdc-offsets") + "." + path;
    }

    /** The schema history topic of a path kept in Kafka. */
    public static String schemaHistoryTopic(CdcProperties.Storage storage, String topicPrefix, String path) {
        return orDefault(storage.schemaHistoryTopic(), topicPrefix + ".cdc-schema-history") + "." + path;
    }

    /** Table names are regular expressions to Debezium: a {@code $} or {@code .} must match itself. */
    private static String quote(String table) {
        return table.replace(".", "\\.").replace("$", "\\$");
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
