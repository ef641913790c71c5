package dev.strangler.service.changefeed;

/**
 * A Debezium change event of one legacy row, read from the envelope.
 *
 * @param table     the legacy table ({@code source.table})
 * @param operation what happened to the row
 * @param before    the row before the change; null for creates and snapshot reads
 * @param after     the row after the change; null for deletes
 * @param source    where the change sits in the binlog, and when it was committed
 */
public record ChangeEvent(String table, Operation operation, LegacyRow before, LegacyRow after,
                          SourcePosition source) {

    /** Debezium's {@code op} codes. */
    public enum Operation {
        CREATE, UPDATE, DELETE, READ;

        static Operation of(String op) {
            return switch (op) {
                case "c" -> CREATE;
                case "u" -> UPDATE;
                case "d" -> DELETE;
                case "r" -> READ;
                default -> throw new UnreadableEventException("unknown op '" + op + "'");
            };
        }
    }

    /**
     * @param file     binlog file
     * @param position offset in the file
     * @param commitMs {@code source.ts_ms}: commit time, whole seconds on MySQL and MariaDB
     * @param order    the change's order in its transaction ({@code transaction.total_order}); null outside one
     */
    public record SourcePosition(String file, Long position, long commitMs, Long order) {
    }

    public boolean isDelete() {
        return operation == Operation.DELETE;
    }

    /** The row image that identifies the row: {@code after}, or {@code before} for a delete. */
    public LegacyRow row() {
        return isDelete() ? before : after;
    }

    /**
     * The version this event carries: the version column read as {@link LegacyRow#version} (a DATETIME, a TIMESTAMP,
     * a counter), e.g. {@code UPD_DT}, where the table has it; for a delete, the
     * deleted row's version or, for a time, the commit time if that is later, so the delete wins over the row it
     * removes (binlog commit times have whole seconds only; the position breaks the tie).
     */
    public SourceVersion version(String versionColumn) {
        long commit = source.commitMs();
        long updated = row().has(versionColumn) ? row().version(versionColumn) : commit;
        // A counter (far below any epoch millisecond since 1973) never mixes with commit times.
        boolean time = updated > 100_000_000_000L;
        long version = isDelete() && time ? Math.max(updated, commit) : updated;
        return new SourceVersion(version, source.file(), source.position(), source.order());
    }
}
