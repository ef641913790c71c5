package dev.strangler.orderservice.changefeed;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per replicated row, the newest version applied. Callers run inside the transaction of the write the version
 * stands for, so the check, the version and the write commit or roll back together.
 */
@Repository
public class VersionGuard {

    private final JdbcClient jdbc;

    VersionGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code incoming} and returns true if it is newer than what the row has; false (and no change) for a
     * replayed or reordered older event. The version row is locked until the caller's transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String table, String rowKey, SourceVersion incoming) {
        Optional<SourceVersion> current = jdbc.sql("""
                SELECT version_ms, source_file, source_pos FROM REPLICATED_VERSION
                 WHERE source_table = :table AND row_key = :key FOR UPDATE""")
                .param("table", table).param("key", rowKey)
                .query((row, n) -> new SourceVersion(row.getLong("version_ms"), row.getString("source_file"),
                        (Long) row.getObject("source_pos", Long.class)))
                .optional();
        if (!incoming.isNewerThan(current.orElse(null))) {
            return false;
        }
        write(table, rowKey, incoming);
        return true;
    }

    /** The service's own write to a row: forward events older than it must not overwrite it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordServiceWrite(String table, String rowKey, SourceVersion version) {
        write(table, rowKey, version);
    }

    private void write(String table, String rowKey, SourceVersion version) {
        jdbc.sql("""
                INSERT INTO REPLICATED_VERSION (source_table, row_key, version_ms, source_file, source_pos, applied_at)
                VALUES (:table, :key, :ms, :file, :pos, CURRENT_TIMESTAMP(3))
                ON DUPLICATE KEY UPDATE version_ms = VALUES(version_ms), source_file = VALUES(source_file),
                       source_pos = VALUES(source_pos), applied_at = VALUES(applied_at)""")
                .param("table", table).param("key", rowKey).param("ms", version.versionMs())
                .param("file", version.file()).param("pos", version.position())
                .update();
    }
}
