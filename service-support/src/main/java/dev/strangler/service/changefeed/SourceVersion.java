package dev.strangler.service.changefeed;

import java.time.Instant;
import java.util.Comparator;

/**
 * The version of a replicated row: the legacy {@code UPD_DT} in epoch milliseconds, then the binlog position
 * (file name, then offset) as the tie-breaker for two writes in the same millisecond, then the change's order
 * within its transaction: Debezium reports the transaction's position for every change of it, so two changes of
 * one row in one transaction (a delete and an insert, say) differ only there.
 *
 * @param versionMs the row's last-write time in epoch milliseconds
 * @param file      binlog file of the change, or null for the service's own writes
 * @param position  offset in {@code file}, or null for the service's own writes
 * @param order     the change's order in its transaction ({@code transaction.total_order}), or null (a snapshot
 *                  read, the service's own write)
 */
public record SourceVersion(long versionMs, String file, Long position, Long order) {

    private static final String SERVICE_WRITE = "~";

    private static final Comparator<SourceVersion> POSITION = Comparator
            .comparing(SourceVersion::file).thenComparing(SourceVersion::position)
            .thenComparing(version -> version.order() == null ? 0L : version.order());

    /** A version outside any transaction's order (a snapshot read). */
    public SourceVersion(long versionMs, String file, Long position) {
        this(versionMs, file, position, null);
    }

    /** A write made by the service itself: it has no binlog position and wins a tie with a forward event. */
    public static SourceVersion ofServiceWrite(Instant writtenAt) {
        return new SourceVersion(writtenAt.toEpochMilli(), null, null);
    }

    /**
     * Whether an event at this version may overwrite what {@code current} left. Equal versions are not newer,
     * which is what makes a redelivered event a no-op.
     */
    public boolean isNewerThan(SourceVersion current) {
        if (current == null) {
            return true;
        }
        if (versionMs != current.versionMs) {
            return versionMs > current.versionMs;
        }
        if (!hasPosition() || !current.hasPosition()) {
            // The service's own write (no position) is the source of truth in its millisecond.
            return false;
        }
        return POSITION.compare(this, current) > 0;
    }

    /**
     * This version as one string whose order, compared byte by byte, is the guard's order: for a table that keeps
     * each row's version in the row ({@link ReplicatedTable#versionInRow()}), a single {@code >} in SQL then decides
     * whether an event may overwrite the row. Readable on purpose, e.g.
     * {@code 00000001764028800123 mariadb-bin.000001 00000000000000004711 00000000000000000002}. The milliseconds, the
     * position and the order are zero-padded to 20 digits; a space (below every character of a binlog file name) ends
     * the file name, so a shorter name sorts first, as in {@link String#compareTo}; a version without an order ends
     * after the position, below every order of it; the service's own write ends in {@code ~}, above any position in
     * its millisecond.
     *
     * @throws IllegalArgumentException for a time before 1970, which the padding cannot order
     */
    public String rowVersion() {
        if (versionMs < 0 || (position != null && position < 0) || (order != null && order < 0)) {
            throw new IllegalArgumentException("version " + this + " is before 1970 or at a negative position");
        }
        // Called for every replicated row: plain padding, String.format was 8 % of a consumer's CPU in a backfill.
        StringBuilder version = new StringBuilder(64);
        padded(version, versionMs);
        if (!hasPosition()) {
            return version.append(SERVICE_WRITE).toString();
        }
        version.append(' ').append(file).append(' ');
        padded(version, position);
        if (order != null) {
            version.append(' ');
            padded(version, order);
        }
        return version.toString();
    }

    private static void padded(StringBuilder out, long value) {
        String digits = Long.toString(value);
        for (int zeros = 20 - digits.length(); zeros > 0; zeros--) {
            out.append('0');
        }
        out.append(digits);
    }

    boolean hasPosition() {
        return file != null && position != null;
    }

    @Override
    public String toString() {
        return versionMs + (hasPosition() ? "@" + file + ":" + position + (order == null ? "" : "#" + order)
                : "@service");
    }
}
