package dev.strangler.service.backfill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The BULK_BACKFILL table: per legacy table the latest bulk backfill, its snapshot position and progress. A run
 * refreshes {@code updated_at} with every chunk, so a run whose service died is told apart from one in progress, by
 * any instance of the service. Its times are written from this clock, not the server's CURRENT_TIMESTAMP, because
 * the staleness check compares them with this clock, whatever time zone the server runs in.
 */
public class BulkBackfillRuns {

    /** A run without progress for this long has stopped with its service. */
    static final Duration STALE = Duration.ofMinutes(2);

    private static final String COLUMNS = "source_table, state, source_file, source_pos, rows_read, rows_written,"
            + " rows_skipped, requested_by, started_at, finished_at, updated_at, problem";

    private final JdbcClient jdbc;

    public BulkBackfillRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the start of a run, unless one of {@code table} is in progress (in any instance of the service).
     *
     * @return false if one is
     */
    @Transactional
    public boolean start(String table, SnapshotPosition position, String by, Instant startedAt) {
        Optional<BulkBackfillRun> current = jdbc.sql("SELECT " + COLUMNS + " FROM BULK_BACKFILL"
                + " WHERE source_table = :table FOR UPDATE").param("table", table).query(BulkBackfillRuns::run).optional();
        if (current.filter(run -> run.state().equals(BulkBackfillRun.RUNNING)).isPresent()) {
            return false;
        }
        jdbc.sql("""
                REPLACE INTO BULK_BACKFILL (source_table, state, source_file, source_pos, rows_read, rows_written,
                                            rows_skipped, requested_by, started_at, finished_at, updated_at, problem)
                VALUES (:table, 'RUNNING', :file, :pos, 0, 0, 0, :by, :started, NULL, :started, NULL)""")
                .param("table", table).param("file", position.file()).param("pos", position.position())
                .param("by", by).param("started", Timestamp.from(startedAt)).update();
        return true;
    }

    public void progress(String table, long read, long written, long skipped) {
        jdbc.sql("""
                UPDATE BULK_BACKFILL SET rows_read = :read, rows_written = :written, rows_skipped = :skipped,
                       updated_at = :now
                 WHERE source_table = :table AND state = 'RUNNING'""")
                .param("table", table).param("read", read).param("written", written).param("skipped", skipped)
                .param("now", Timestamp.from(Instant.now())).update();
    }

    public void finish(String table, String state, long read, long written, long skipped, String problem) {
        jdbc.sql("""
                UPDATE BULK_BACKFILL SET state = :state, rows_read = :read, rows_written = :written,
                       rows_skipped = :skipped, finished_at = :now, updated_at = :now,
                       problem = :problem
                 WHERE source_table = :table AND state = 'RUNNING'""")
                .param("table", table).param("state", state).param("read", read).param("written", written)
                .param("skipped", skipped).param("problem", problem == null ? null : abbreviate(problem))
                .param("now", Timestamp.from(Instant.now())).update();
    }

    public Optional<BulkBackfillRun> find(String table) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM BULK_BACKFILL WHERE source_table = :table")
                .param("table", table).query(BulkBackfillRuns::run).optional();
    }

    public List<BulkBackfillRun> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM BULK_BACKFILL ORDER BY source_table")
                .query(BulkBackfillRuns::run).list();
    }

    private static BulkBackfillRun run(ResultSet row, int number) throws SQLException {
        String state = row.getString("state");
        Instant updated = row.getTimestamp("updated_at").toInstant();
        if (state.equals(BulkBackfillRun.RUNNING) && updated.isBefore(Instant.now().minus(STALE))) {
            state = BulkBackfillRun.INTERRUPTED;
        }
        Timestamp finished = row.getTimestamp("finished_at");
        return new BulkBackfillRun(row.getString("source_table"), state, row.getString("source_file"),
                row.getLong("source_pos"), row.getLong("rows_read"), row.getLong("rows_written"),
                row.getLong("rows_skipped"), row.getString("requested_by"), row.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), row.getString("problem"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
