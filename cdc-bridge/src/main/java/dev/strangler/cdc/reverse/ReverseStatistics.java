package dev.strangler.cdc.reverse;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the reverse path did: applied, already-applied (replays), unmapped and unreadable events. */
public final class ReverseStatistics {

    private static final int KEPT_FAILURES = 20;

    private final Clock clock;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
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

    public record Snapshot(long applied, long duplicates, long unmapped, long unreadable, long lastAppliedAgeMillis,
                           List<Failure> recentFailures) {
    }

    void recorded(OutboxEvent event, boolean wasApplied) {
        if (wasApplied) {
            applied.incrementAndGet();
            lastAppliedAt.set(clock.millis());
        } else {
            duplicates.incrementAndGet();
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
        return new Snapshot(applied.get(), duplicates.get(), unmapped.get(), unreadableCount.get(),
                last == 0 ? -1 : clock.millis() - last, List.copyOf(failures));
    }
}
