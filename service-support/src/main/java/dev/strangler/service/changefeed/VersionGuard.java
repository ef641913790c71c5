package dev.strangler.service.changefeed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    private static final String UPSERT = """
            INSERT INTO REPLICATED_VERSION (source_table, row_key, version_ms, source_file, source_pos, source_order,
                                            applied_at)
            VALUES (:table, :key, :ms, :file, :pos, :order, CURRENT_TIMESTAMP(3))
            ON DUPLICATE KEY UPDATE version_ms = VALUES(version_ms), source_file = VALUES(source_file),
                   source_pos = VALUES(source_pos), source_order = VALUES(source_order),
                   applied_at = VALUES(applied_at)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final int chunkSize;

    /** @param chunkSize rows per set-wise statement: bounds the statements whatever a poll returns */
    public VersionGuard(JdbcClient jdbc, NamedParameterJdbcTemplate batch, int chunkSize) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.chunkSize = chunkSize;
    }

    /**
     * Of {@code changes} (in offset order), per row the one that applying them one at a time would have left, if it
     * is newer than what the row has; records those versions and returns those changes. Replayed, reordered or
     * superseded events are left out. The rows' versions stay locked until the caller's transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> List<Change<T>> claimNewest(String table, List<Change<T>> changes) {
        Map<String, List<Change<T>>> byKey = byKey(changes);
        Map<String, SourceVersion> current = lock(table, new ArrayList<>(byKey.keySet()));
        List<Change<T>> newest = new ArrayList<>();
        byKey.forEach((key, events) -> newest(current.get(key), events).ifPresent(newest::add));
        write(table, newest.stream().map(change -> Map.entry(change.key(), change.version())).toList());
        return newest;
    }

    /**
     * Of {@code changes} (in offset order), per row the one that applying them one at a time would leave, in key
     * order: for a table that keeps the version in the row and compares it as it writes.
     */
    public static <T> List<Change<T>> newestPerKey(List<Change<T>> changes) {
        List<Change<T>> newest = new ArrayList<>();
        byKey(changes).forEach((key, events) -> newest(null, events).ifPresent(newest::add));
        return newest;
    }

    // Sorted keys: concurrent batches lock rows in one order.
    private static <T> Map<String, List<Change<T>>> byKey(List<Change<T>> changes) {
        Map<String, List<Change<T>>> byKey = new TreeMap<>();
        changes.forEach(change -> byKey.computeIfAbsent(change.key(), key -> new ArrayList<>()).add(change));
        return byKey;
    }

    /** The service's own write to a row: forward events older than it must not overwrite it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordServiceWrite(String table, String rowKey, SourceVersion version) {
        write(table, List.of(Map.entry(rowKey, version)));
    }

    /** The guard's rule folded over one row's events: the last event newer than everything before it, if any. */
    static <T> Optional<Change<T>> newest(SourceVersion current, List<Change<T>> events) {
        SourceVersion kept = current;
        Change<T> winner = null;
        for (Change<T> event : events) {
            if (event.version().isNewerThan(kept)) {
                kept = event.version();
                winner = event;
            }
        }
        return Optional.ofNullable(winner);
    }

    private Map<String, SourceVersion> lock(String table, List<String> keys) {
        Map<String, SourceVersion> current = new HashMap<>();
        for (int from = 0; from < keys.size(); from += chunkSize) {
            jdbc.sql("""
                    SELECT row_key, version_ms, source_file, source_pos, source_order FROM REPLICATED_VERSION
                     WHERE source_table = :table AND row_key IN (:keys) FOR UPDATE""")
                    .param("table", table).param("keys", keys.subList(from, Math.min(keys.size(), from + chunkSize)))
                    .query(row -> {
                        current.put(row.getString("row_key"), new SourceVersion(row.getLong("version_ms"),
                                row.getString("source_file"), row.getObject("source_pos", Long.class),
                                row.getObject("source_order", Long.class)));
                    });
        }
        return current;
    }

    private void write(String table, List<Map.Entry<String, SourceVersion>> versions) {
        if (versions.isEmpty()) {
            return;
        }
        batch.batchUpdate(UPSERT, versions.stream().map(version -> new MapSqlParameterSource()
                .addValue("table", table).addValue("key", version.getKey())
                .addValue("ms", version.getValue().versionMs())
                .addValue("file", version.getValue().file()).addValue("pos", version.getValue().position())
                .addValue("order", version.getValue().order()))
                .toArray(SqlParameterSource[]::new));
    }
}
