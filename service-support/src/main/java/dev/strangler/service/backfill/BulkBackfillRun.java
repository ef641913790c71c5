package dev.strangler.service.backfill;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One bulk backfill of a legacy table, as recorded in the service's BULK_BACKFILL table (the latest per table).
 *
 * @param table        the legacy table
 * @param state        RUNNING, DONE, FAILED, or INTERRUPTED (RUNNING, but no progress for {@link BulkBackfillRuns#STALE}:
 *                     the service stopped during the copy)
 * @param snapshotFile the binlog file of the snapshot's position
 * @param snapshotPosition the offset in it: every copied row carries this position in its version
 * @param rowsRead     rows read from the legacy table so far
 * @param rowsWritten  rows written (a row the change feed had already brought newer is read, not written)
 * @param rowsSkipped  rows the table could not translate (named in {@code problem})
 * @param requestedBy  the control token's name
 * @param startedAt    when the snapshot was opened
 * @param finishedAt   when the copy ended, if it did
 * @param problem      why it failed, or the first rows skipped
 */
public record BulkBackfillRun(String table, String state, String snapshotFile, long snapshotPosition, long rowsRead,
                              long rowsWritten, long rowsSkipped, String requestedBy, Instant startedAt,
                              Instant finishedAt, String problem) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String INTERRUPTED = "INTERRUPTED";

    /** Rows read per second from start to finish (or to now, while it runs). */
    @JsonProperty("rowsPerSecond")
    public long rowsPerSecond() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        long millis = Math.max(1, end.toEpochMilli() - startedAt.toEpochMilli());
        return rowsRead * 1000 / millis;
    }
}
