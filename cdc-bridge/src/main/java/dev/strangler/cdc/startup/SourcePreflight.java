package dev.strangler.cdc.startup;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.DatabaseServer;
import dev.strangler.cdc.config.KafkaConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before Debezium starts and writes any offset, what would make capture fail later or silently: the CDC
 * account, the binlog settings, the captured tables and the broker. Each failure names the setting to fix.
 */
public final class SourcePreflight {

    private static final Logger log = LoggerFactory.getLogger(SourcePreflight.class);
    private static final Duration TABLE_POLL = Duration.ofSeconds(2);

    private final CdcProperties cdc;
    private final DatabaseServer outboxServer;
    private final List<String> outboxTables;
    private final KafkaConnection kafka;

    /**
     * @param outboxServer the server of the services' databases (the legacy server unless they have their own)
     * @param outboxTables the tables the relay reads there (the services' outboxes, created by their migrations)
     */
    public SourcePreflight(CdcProperties cdc, DatabaseServer outboxServer, List<String> outboxTables,
                           KafkaConnection kafka) {
        this.cdc = cdc;
        this.outboxServer = outboxServer;
        this.outboxTables = List.copyOf(outboxTables);
        this.kafka = kafka;
    }

    public void verify() {
        DatabaseServer legacy = cdc.source().server();
        boolean oneServer = outboxServer.equals(legacy);
        check(legacy, LEGACY_SETTINGS, connection -> {
            for (int i = 0; i < cdc.tables().size(); i++) {
                requireTable(connection, cdc.tables().get(i).table(), "kit.cdc.tables[" + i + "].table");
            }
            requireTable(connection, cdc.kitTables().signal(), "kit.cdc.kit-tables.signal");
            requireTable(connection, cdc.kitTables().echoMarker(), "kit.cdc.kit-tables.echo-marker");
            requireTable(connection, cdc.kitTables().watermark(), "kit.cdc.kit-tables.watermark");
            if (oneServer) {
                requireOutboxTables(connection);
            }
        });
        if (!oneServer) {
            check(outboxServer, OUTBOX_SETTINGS, this::requireOutboxTables);
        }
        requireBroker();
    }

    private static final String LEGACY_SETTINGS =
            "kit.cdc.source.* (KIT_DB_HOST, KIT_DB_PORT, CDC_DB_USER, CDC_DB_PASSWORD, CDC_DB_SSL_MODE)";
    private static final String OUTBOX_SETTINGS = "kit.cdc.outbox.source.* (the services' database server)";

    private interface ServerCheck {
        void run(Connection connection) throws SQLException;
    }

    private static void check(DatabaseServer server, String settings, ServerCheck tables) {
        try (Connection connection = connect(server, settings)) {
            requireVariable(connection, "log_bin", "ON", "binary logging is off on " + server.describe());
            requireVariable(connection, "binlog_format", "ROW",
                    "the binlog_format of " + server.describe() + " is not ROW");
            requireVariable(connection, "binlog_row_image", "FULL",
                    "the binlog_row_image of " + server.describe() + " is not FULL");
            tables.run(connection);
        } catch (SQLException e) {
            throw new CdcStartupException("The check of " + server.describe() + " failed: " + e.getMessage(),
                    "Check " + settings + ".");
        }
    }

    private void requireOutboxTables(Connection connection) throws SQLException {
        for (int i = 0; i < outboxTables.size(); i++) {
            requireTable(connection, outboxTables.get(i), "kit.cdc.outbox.tables[" + i + "]");
        }
    }

    private static Connection connect(DatabaseServer server, String settings) {
        String url = server.jdbcUrl(null, "connectTimeout=5000&socketTimeout=10000");
        try {
            return DriverManager.getConnection(url, server.user(), server.password());
        } catch (SQLException e) {
            if ("28000".equals(e.getSQLState())) {
                throw new CdcStartupException("The database server refused the CDC account '" + server.user() + "' at "
                        + server.host() + ":" + server.port() + ": " + e.getMessage(),
                        "Set " + settings + " to an account with REPLICATION SLAVE, REPLICATION CLIENT and SELECT "
                                + "(and the TLS the account requires).");
            }
            throw new CdcStartupException("Cannot reach " + server.describe() + ": " + e.getMessage(),
                    "Check " + settings + ".");
        }
    }

    private static void requireVariable(Connection connection, String name, String expected, String problem)
            throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            String actual = row.next() ? row.getString(2) : "(not set)";
            if (!expected.equalsIgnoreCase(actual)) {
                throw new CdcStartupException(problem + " (" + name + " = " + actual + ")",
                        "Start the database server with " + name + "=" + expected + "; Debezium needs log_bin=ON, "
                                + "binlog_format=ROW and binlog_row_image=FULL.");
            }
        }
    }

    /** Waits up to {@code kit.cdc.startup-wait} for the table: under 'kit up' the monolith may still be migrating. */
    private void requireTable(Connection connection, String table, String setting) throws SQLException {
        long deadline = System.nanoTime() + cdc.startupWait().toNanos();
        while (!tableExists(connection, table)) {
            if (System.nanoTime() > deadline) {
                throw new CdcStartupException("The captured table " + table
                        + " does not exist, or the CDC account cannot see it",
                        "Fix " + setting + ", or grant SELECT on it to the CDC account.");
            }
            log.info("Waiting for {} to exist (are the monolith's and the services' schemas migrated yet?)", table);
            try {
                Thread.sleep(TABLE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CdcStartupException("Interrupted while waiting for " + table, "Start the bridge again.");
            }
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            query.setString(1, table.substring(0, table.indexOf('.')));
            query.setString(2, table.substring(table.indexOf('.') + 1));
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private void requireBroker() {
        Map<String, Object> config = kafka.clientProperties();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        int brokers;
        try (Admin admin = Admin.create(config)) {
            brokers = admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new CdcStartupException("Kafka at " + kafka.bootstrapServers() + " is unreachable or refused the "
                    + "bridge: " + e.getMessage(), "Set spring.kafka.bootstrap-servers (KIT_KAFKA_BOOTSTRAP) to a "
                    + "reachable broker, and spring.kafka.security.protocol, spring.kafka.properties.sasl.* and "
                    + "spring.kafka.ssl.* to what it requires.");
        }
        requireReplicas(brokers);
    }

    /**
     * The topics the bridge creates (offsets, and a forward path on Kafka Connect's watermark topic) would fail to be
     * created with more replicas than brokers, deep inside Debezium's start; said here with the setting to change.
     */
    private void requireReplicas(int brokers) {
        boolean createsTopics = cdc.storage().kind() == CdcProperties.StorageKind.KAFKA || cdc.forward().onKafkaConnect();
        int replicas = cdc.storage().replicationFactor();
        if (createsTopics && replicas > brokers) {
            throw new CdcStartupException("kit.cdc.storage.replication-factor is " + replicas + ", but the Kafka "
                    + "cluster at " + kafka.bootstrapServers() + " has " + brokers + " broker(s): the bridge's topics "
                    + "cannot have more replicas than there are brokers",
                    "Set CDC_STORAGE_REPLICATION_FACTOR (kit.cdc.storage.replication-factor) to at most " + brokers
                            + " (1 for a single broker such as the embedded one), or point the bridge at the cluster.");
        }
    }
}
