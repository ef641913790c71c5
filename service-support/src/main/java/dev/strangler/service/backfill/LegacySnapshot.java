package dev.strangler.service.backfill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A read-only transaction on the legacy database that sees it as of one binlog position, and that position. On
 * MariaDB the server reports the position of a consistent snapshot itself ({@code binlog_snapshot_file},
 * {@code binlog_snapshot_position}), without any lock; MySQL has no such status, so the snapshot is opened under a
 * global read lock held only while its position is read (what mysqldump's {@code --single-transaction
 * --source-data} does).
 */
public final class LegacySnapshot implements AutoCloseable {

    private final Connection connection;
    private final SnapshotPosition position;
    private final Instant openedAt;

    private LegacySnapshot(Connection connection, SnapshotPosition position, Instant openedAt) {
        this.connection = connection;
        this.position = position;
        this.openedAt = openedAt;
    }

    public static LegacySnapshot open(BulkBackfillProperties properties) throws SQLException {
        Properties connection = new Properties();
        connection.setProperty("user", properties.legacyUsername() == null ? "" : properties.legacyUsername());
        connection.setProperty("password", properties.legacyPassword() == null ? "" : properties.legacyPassword());
        // Read the columns as Debezium reads them: TINYINT(1) and YEAR are numbers, wall-clock times are UTC.
        connection.setProperty("tinyInt1isBit", "false");
        connection.setProperty("yearIsDateType", "false");
        connection.setProperty("connectionTimeZone", "UTC");
        Connection legacy = DriverManager.getConnection(properties.legacyUrl(), connection);
        try {
            legacy.setAutoCommit(false);
            legacy.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Instant openedAt = Instant.now();
            boolean mariaDb = legacy.getMetaData().getDatabaseProductVersion().contains("MariaDB");
            SnapshotPosition position = mariaDb ? openOnMariaDb(legacy) : openOnMySql(legacy);
            return new LegacySnapshot(legacy, position, openedAt);
        } catch (SQLException | RuntimeException e) {
            legacy.close();
            throw e;
        }
    }

    private static SnapshotPosition openOnMariaDb(Connection legacy) throws SQLException {
        try (Statement statement = legacy.createStatement()) {
            statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            Map<String, String> status = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SHOW STATUS LIKE 'binlog_snapshot_%'")) {
                while (rows.next()) {
                    status.put(rows.getString(1).toLowerCase(), rows.getString(2));
                }
            }
            return position(status.get("binlog_snapshot_file"), status.get("binlog_snapshot_position"));
        }
    }

    private static SnapshotPosition openOnMySql(Connection legacy) throws SQLException {
        try (Statement statement = legacy.createStatement()) {
            statement.execute("FLUSH TABLES WITH READ LOCK");
            try {
                statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
                try (ResultSet rows = binaryLogStatus(statement)) {
                    return rows.next() ? position(rows.getString(1), rows.getString(2)) : position(null, null);
                }
            } finally {
                statement.execute("UNLOCK TABLES");
            }
        }
    }

    // MySQL 8.4 renamed SHOW MASTER STATUS; 8.0 knows only the old name.
    private static ResultSet binaryLogStatus(Statement statement) throws SQLException {
        try {
            return statement.executeQuery("SHOW BINARY LOG STATUS");
        } catch (SQLException oldServer) {
            return statement.executeQuery("SHOW MASTER STATUS");
        }
    }

    private static SnapshotPosition position(String file, String position) {
        if (file == null || file.isBlank() || position == null) {
            throw new IllegalStateException("the legacy server reports no binlog position: a bulk backfill needs the"
                    + " binlog on (log_bin), as the CDC bridge does");
        }
        return new SnapshotPosition(file, Long.parseLong(position));
    }

    public SnapshotPosition position() {
        return position;
    }

    public Instant openedAt() {
        return openedAt;
    }

    /** Every row of {@code table} as of the snapshot, streamed row by row (nothing buffered in memory). */
    public ResultSet readAll(String table) throws SQLException {
        Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE);
        statement.closeOnCompletion();
        return statement.executeQuery("SELECT * FROM `" + table.replace("`", "``") + "`");
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
