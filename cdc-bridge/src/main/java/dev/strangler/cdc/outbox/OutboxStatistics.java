package dev.strangler.cdc.outbox;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/** What the relay has published since the bridge started. */
final class OutboxStatistics {

    private final Clock clock;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong lastPublishedAt = new AtomicLong();

    OutboxStatistics(Clock clock) {
        this.clock = clock;
    }

    void published() {
        published.incrementAndGet();
        lastPublishedAt.set(clock.millis());
    }

    long count() {
        return published.get();
    }

    /** Milliseconds since the last event was acknowledged, or -1 before the first. */
    long lastPublishedAgeMillis() {
        long last = lastPublishedAt.get();
        return last == 0 ? -1 : clock.millis() - last;
    }
}
