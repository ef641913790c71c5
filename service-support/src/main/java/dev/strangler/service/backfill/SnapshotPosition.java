package dev.strangler.service.backfill;

/**
 * Where in the legacy binlog a bulk backfill's snapshot stands: every row it copies carries this position as its
 * version's tie-breaker, as a row of Debezium's own snapshot does, so a change streamed from after it wins and one
 * from before it loses.
 */
public record SnapshotPosition(String file, long position) {

    @Override
    public String toString() {
        return file + ":" + position;
    }
}
