package dev.strangler.proxy.toggle;

/**
 * What a reader of the toggle log does with one record. Every instance decides the same from the record and the
 * broker's append time alone, so all instances and the writer's answer agree.
 */
enum Admission {

    /** The record is the route's state from now on. */
    APPLY,
    /** A flip the broker appended after its deadline: its writer answered "refused", so it never counts. */
    LATE,
    /** A correction older than the state it would overwrite: a later flip already decided the route. */
    SUPERSEDED;

    /**
     * @param current       the route's applied state before this record
     * @param record        the record, null for a tombstone
     * @param logAppendTime whether {@code timestamp} is the broker's append time (the topic's timestamp type)
     * @param timestamp     the record's timestamp in epoch milliseconds
     */
    static Admission of(RouteToggle current, RouteToggle record, boolean logAppendTime, long timestamp) {
        if (record == null) {
            return APPLY;
        }
        if (record.corrects() != null) {
            // Not "equal": compaction may have removed the corrected record, leaving an older state underneath.
            return current != null && current.version() > record.corrects() ? SUPERSEDED : APPLY;
        }
        if (record.deadline() != null && logAppendTime && timestamp > record.deadline().toEpochMilli()) {
            return LATE;
        }
        return APPLY;
    }
}
