package dev.strangler.cdc.barrier;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watermark row and how far each engine's stream has carried it. A barrier updates the row; each engine that
 * captures the watermark table reports the sequence once the batch holding it has been acknowledged by Kafka. As
 * the binlog is read in commit order, everything committed before the update is then in Kafka.
 */
public final class Watermarks {

    /** The engines that capture the watermark table and publish to Kafka. */
    public enum Stream { FORWARD, OUTBOX }

    private final JdbcTemplate jdbc;
    private final String table;
    // Above every sequence an earlier run wrote, so a replayed old watermark can never satisfy a new barrier.
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Map<Stream, Long> passed = new ConcurrentHashMap<>();

    public Watermarks(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** Commits a new watermark and returns its sequence. */
    long write() {
        long next = sequence.incrementAndGet();
        jdbc.update("INSERT INTO " + table + " (ID, SEQ, WRITTEN_AT) VALUES (1, ?, CURRENT_TIMESTAMP(3))"
                + " ON DUPLICATE KEY UPDATE SEQ = VALUES(SEQ), WRITTEN_AT = VALUES(WRITTEN_AT)", next);
        return next;
    }

    /** Called by a publisher once Kafka acknowledged the batch holding the watermark at {@code seq}. */
    public void passed(Stream stream, long seq) {
        synchronized (this) {
            passed.merge(stream, seq, Math::max);
            notifyAll();
        }
    }

    /** Whether {@code stream} has carried the watermark {@code seq} into Kafka within {@code timeout}. */
    synchronized boolean await(Stream stream, long seq, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (passed.getOrDefault(stream, 0L) < seq) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
