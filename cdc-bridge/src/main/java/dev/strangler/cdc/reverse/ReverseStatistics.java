package dev.strangler.cdc.reverse;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the reverse path did: applied, already applied (redeliveries), older than legacy, unmapped, unreadable. */
public final class ReverseStatistics {

    private static final int KEPT_FAILURES = 20;

    /** What became of one event. */
    enum Result { APPLIED, DUPLICATE, OLDER_THAN_LEGACY }

    private final Clock clock;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong olderThanLegacy = new AtomicLong();
    private final AtomicLong unmapped = new AtomicLong();
    private final AtomicLong unreadableCount = new AtomicLong();
    private final AtomicLong lastAppliedAt = new AtomicLong();
    private final Deque<Failure> failures = new ArrayDeque<>();

    public ReverseStatistics(Clock clock) {
        this.clock = clock;
    }

    /** An event that could not be applied: it is skipped, never half-applied. */
    public record Failure(String eventId, String reason) {
    }

    /**
     * @param applied              events written to the legacy tables
     * @param duplicates           redelivered events, recognised by their id and not written again
     * @param olderThanLegacy      events older than the legacy row (by its version column), not written
     * @param unmapped             events of an aggregate type no mapping names
     * @param unreadable           events that could not be translated
     * @param lastAppliedAgeMillis since the last applied event, or -1
     * @param recentFailures       the latest unreadable events and why
     */
    public record Snapshot(long applied, long duplicates, long olderThanLegacy, long unmapped, long unreadable,
                           long lastAppliedAgeMillis, List<Failure> recentFailures) {
    }

    void recorded(Result result) {
        switch (result) {
            case APPLIED -> {
                applied.incrementAndGet();
                lastAppliedAt.set(clock.millis());
            }
            case DUPLICATE -> duplicates.incrementAndGet();
            case OLDER_THAN_LEGACY -> olderThanLegacy.incrementAndGet();
        }
    }

    void unmapped(OutboxEvent event) {
        unmapped.incrementAndGet();
    }

    synchronized void unreadable(String eventId, String reason) {
        failures.addFirst(new Failure(eventId, reason));
        while (failures.size() > KEPT_FAILURES) {
            failures.removeLast();
        }
        unreadableCount.incrementAndGet();
    }

    public synchronized Snapshot snapshot() {
        long last = lastAppliedAt.get();
        return new Snapshot(applied.get(), duplicates.get(), olderThanLegacy.get(), unmapped.get(),
                unreadableCount.get(), last == 0 ? -1 : clock.millis() - last, List.copyOf(failures));
    }
}
