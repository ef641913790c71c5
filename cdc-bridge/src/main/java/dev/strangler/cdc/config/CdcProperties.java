package dev.strangler.cdc.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the CDC bridge captures and where it keeps its position. Everything monolith-specific is here, not in code.
 *
 * @param connector which Debezium connector reads the binlog: {@code MARIADB} or {@code MYSQL}
 * @param source    the source database server and the CDC account
 * @param tables    the captured tables and the topic each one's changes go to
 * @param storage   where offsets and schema history are kept, so a restart resumes where it stopped
 * @param debezium  further Debezium connector properties, passed through unchanged (they win over the kit's)
 * @param kitTables the kit's bookkeeping tables in its own schema (signals and echo markers)
 * @param startupWait how long start-up waits for a captured table to appear (the monolith may still be migrating
 *                  its schema) before it gives up with the setting to fix
 * @param producer  the forward path's Kafka producer
 * @param forward   where the forward path's Debezium connector runs: in the bridge, or on Kafka Connect
 */
@Validated
@ConfigurationProperties("kit.cdc")
public record CdcProperties(
        @NotNull Connector connector,
        @NotNull @Valid Source source,
        @NotEmpty List<@Valid CapturedTable> tables,
        @NotNull @Valid Storage storage,
        Map<String, String> debezium,
        @NotNull @Valid KitTables kitTables,
        @NotNull Duration startupWait,
        @NotNull @Valid Producer producer,
        @Valid Forward forward) {

    public CdcProperties {
        debezium = debezium == null ? Map.of() : Map.copyOf(debezium);
        tables = List.copyOf(tables);
        forward = forward == null ? new Forward(ForwardEngine.EMBEDDED, null, List.of()) : forward;
        bulkBackfillTables(tables, forward);
    }

    /**
     * The captured tables the initial snapshot leaves to the services' bulk backfill, as {@code database.table}.
     *
     * @throws IllegalArgumentException for a name that is not a captured table
     */
    public List<String> bulkBackfillTables() {
        return bulkBackfillTables(tables, forward);
    }

    private static List<String> bulkBackfillTables(List<CapturedTable> tables, Forward forward) {
        return forward.bulkBackfillTables().stream().map(name -> tables.stream()
                .filter(table -> table.table().equalsIgnoreCase(name) || table.tableName().equalsIgnoreCase(name))
                .map(CapturedTable::table).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kit.cdc.forward.bulk-backfill-tables names " + name
                        + ", which is not a captured table (" + tables.stream().map(CapturedTable::table)
                        .collect(Collectors.joining(", ")) + ")")))
                .toList();
    }

    /**
     * @param signal     where re-snapshots are requested and Debezium keeps its snapshot watermarks
     * @param echoMarker written by the reverse path in the same transaction as its legacy writes
     * @param watermark  one row the bridge updates for a barrier; every engine captures it, so its change marks a
     *                   point in each engine's binlog stream
     */
    public record KitTables(@NotBlank @Pattern(regexp = TABLE) String signal,
                            @NotBlank @Pattern(regexp = TABLE) String echoMarker,
                            @NotBlank @Pattern(regexp = TABLE) String watermark) {
    }

    static final String TABLE = "[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+";

    public enum Connector { MARIADB, MYSQL }

    /**
     * @param host        database server host
     * @param port        database server port
     * @param user        the CDC account (REPLICATION SLAVE, REPLICATION CLIENT, SELECT on the captured tables)
     * @param password    its password
     * @param ssl         how connections to the server are encrypted and verified (Debezium's and JDBC's alike)
     * @param serverId    the replica server id Debezium presents; unique among the server's replicas
     * @param topicPrefix Debezium's logical server name, the first part of its internal topic names
     */
    public record Source(@NotBlank String host, @Min(1) @Max(65535) int port, @NotBlank String user,
                         @NotNull String password, @Valid DatabaseServer.Tls ssl, @Min(1) long serverId,
                         @NotBlank String topicPrefix) {

        /** The server and account, for connecting. */
        public DatabaseServer server() {
            return new DatabaseServer(host, port, user, password, ssl);
        }
    }

    /**
     * @param table the captured table as {@code database.table}
     * @param topic the Kafka topic its change events are published to
     */
    public record CapturedTable(@NotBlank @Pattern(regexp = TABLE) String table,
                                @NotBlank String topic) {

        public String database() {
            return table.substring(0, table.indexOf('.'));
        }

        public String tableName() {
            return table.substring(table.indexOf('.') + 1);
        }
    }

    /**
     * @param kind               {@code FILE} (the embedded default) or {@code KAFKA} (production: topics on the cluster)
     * @param directory          for FILE: the directory of each path's {@code *-offsets.dat} and {@code *-schema-history.dat}
     * @param offsetTopic        for KAFKA: the compacted offsets topic
     * @param schemaHistoryTopic for KAFKA: the schema history topic
     * @param replicationFactor  for KAFKA: the replicas of the topics the bridge creates (the offsets topics, and the
     *                           watermark topic of a forward path on Kafka Connect); more than the cluster has
     *                           brokers is refused at start-up
     * @param offsetPartitions   for KAFKA: the partitions of each offsets topic (one engine writes it: 1 is enough)
     */
    public record Storage(@NotNull StorageKind kind, String directory, String offsetTopic, String schemaHistoryTopic,
                          @Min(1) @Max(Short.MAX_VALUE) Integer replicationFactor, @Min(1) Integer offsetPartitions) {

        /** Kafka Connect's own default for its internal topics: survives one broker lost with min.insync.replicas=2. */
        public static final int DEFAULT_REPLICATION_FACTOR = 3;

        public Storage {
            replicationFactor = replicationFactor == null ? DEFAULT_REPLICATION_FACTOR : replicationFactor;
            offsetPartitions = offsetPartitions == null ? 1 : offsetPartitions;
        }
    }

    public enum StorageKind { FILE, KAFKA }

    /**
     * @param engine         {@code EMBEDDED}: Debezium's engine in the bridge (the default); {@code KAFKA_CONNECT}:
     *                       the same connector on a Kafka Connect cluster ({@code kit cdc connector-config} renders
     *                       it), the bridge running the outbox relay, the reverse path and barriers only
     * @param watermarkTopic for {@code KAFKA_CONNECT}: where the connector publishes the watermark table's changes,
     *                       which the bridge follows for its barriers; absent, {@code <topic-prefix>.kit-watermark}
     * @param bulkBackfillTables captured tables ({@code TB_MEMBER} or {@code database.TB_MEMBER}) whose rows the
     *                       initial snapshot leaves out, because the services copy them with their bulk backfill
     *                       ({@code POST /admin/backfills}); their changes are streamed as any table's
     */
    public record Forward(@NotNull ForwardEngine engine, String watermarkTopic, List<String> bulkBackfillTables) {

        public Forward {
            bulkBackfillTables = bulkBackfillTables == null ? List.of() : bulkBackfillTables.stream()
                    .map(String::trim).filter(table -> !table.isEmpty()).toList();
        }

        public boolean onKafkaConnect() {
            return engine == ForwardEngine.KAFKA_CONNECT;
        }

        /** The watermark topic of a forward path on Kafka Connect. */
        public String watermarkTopic(String topicPrefix) {
            return watermarkTopic == null || watermarkTopic.isBlank() ? topicPrefix + ".kit-watermark" : watermarkTopic;
        }
    }

    public enum ForwardEngine { EMBEDDED, KAFKA_CONNECT }

    /**
     * The forward path's producer. Acknowledgement ({@code acks=all}) and idempotence are not settings: offsets are
     * committed only after every record is acknowledged.
     *
     * @param compression how record batches are compressed: saves bytes on the wire, costs the bridge CPU
     * @param batchSize   the most bytes one record batch per partition may hold
     */
    public record Producer(@NotNull Compression compression, @NotNull DataSize batchSize) {

        /** {@code batch.size} takes an int: refused above 2 GiB by validation, not cut silently. */
        @AssertTrue(message = "batch-size must be between 1 byte and 2GB")
        boolean isBatchSizeAnInt() {
            return batchSize == null || (batchSize.toBytes() > 0 && batchSize.toBytes() <= Integer.MAX_VALUE);
        }
    }

    public enum Compression { NONE, GZIP, SNAPPY, LZ4, ZSTD }
}
