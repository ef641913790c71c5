package dev.strangler.service.outbox;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes outbox rows older than the retention, a thousand at a time so no prune holds many locks. The bridge has
 * read each event from the binlog long before (its position only moves past an event once Kafka has it).
 */
final class OutboxPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);
    private static final int ROWS_PER_DELETE = 1000;

    private final JdbcClient jdbc;
    private final OutboxProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    OutboxPruner(JdbcClient jdbc, OutboxProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns the rows deleted. */
    long prune() {
        LocalDateTime before = LocalDateTime.ofInstant(clock.instant().minus(properties.retention()), ZoneOffset.UTC);
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("DELETE FROM OUTBOX_EVENT WHERE timestamp < :before ORDER BY seq LIMIT " + ROWS_PER_DELETE)
                    .param("before", before).update();
            deleted += batch;
        } while (batch == ROWS_PER_DELETE);
        return deleted;
    }

    private void pruneQuietly() {
        try {
            long deleted = prune();
            if (deleted > 0) {
                log.debug("Pruned {} outbox rows older than {}", deleted, properties.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Pruning the outbox failed (retried in {}): {}", properties.pruneInterval(), e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-pruner");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pruneInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pruneQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
