package dev.strangler.service.changefeed;

import java.time.Instant;
import java.util.Comparator;

/**
 * The version of a replicated row: the legacy {@code UPD_DT} in epoch milliseconds, then the binlog position
 * (file name, then offset) as the tie-breaker for two writes in the same millisecond.
 *
 * @param versionMs the row's last-write time in epoch milliseconds
 * @param file      binlog file of the change, or null for the service's own writes
 * @param position  offset in {@code file}, or null for the service's own writes
 */
public record SourceVersion(long versionMs, String file, Long position) {

    private static final Comparator<SourceVersion> POSITION = Comparator
            .comparing(SourceVersion::file).thenComparing(SourceVersion::position);

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

    boolean hasPosition() {
        return file != null && position != null;
    }

    @Override
    public String toString() {
        return versionMs + (hasPosition() ? "@" + file + ":" + position : "@service");
    }
}
