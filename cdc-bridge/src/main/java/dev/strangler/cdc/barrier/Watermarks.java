package dev.strangler.cdc.barrier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The watermark row and how far each engine's stream has carried it. A barrier updates the row; each engine that
 * captures the watermark table reports the sequence once the batch holding it has been acknowledged by Kafka. As
 * the binlog is read in commit order, everything committed before the update is then in Kafka. When the services'
 * databases are on a server of their own, the row is written on each server, as each engine reads one binlog.
 */
public final class Watermarks implements AutoCloseable {

    /** A watermark table and the connection that writes it. */
    public record Table(JdbcTemplate jdbc, String table) {
    }

    /** The engines that capture the watermark table and publish to Kafka. */
    public enum Stream { FORWARD, OUTBOX }

    private final List<Table> tables;
    private final List<AutoCloseable> owned;
    // Above every sequence an earlier run wrote, so a replayed old watermark can never satisfy a new barrier.
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final Map<Stream, Long> passed = new ConcurrentHashMap<>();

    /** @param owned connections made for these tables alone, closed with this */
    public Watermarks(List<Table> tables, List<AutoCloseable> owned) {
        this.tables = List.copyOf(tables);
        this.owned = List.copyOf(owned);
    }

    public Watermarks(JdbcTemplate jdbc, String table) {
        this(List.of(new Table(jdbc, table)), List.of());
    }

    /** Commits a new watermark on every server and returns its sequence. */
    long write() {
        long next = sequence.incrementAndGet();
        for (Table table : tables) {
            table.jdbc().update("INSERT INTO " + table.table()
                    + " (ID, SEQ, WRITTEN_AT) VALUES (1, ?, CURRENT_TIMESTAMP(3))"
                    + " ON DUPLICATE KEY UPDATE SEQ = VALUES(SEQ), WRITTEN_AT = VALUES(WRITTEN_AT)", next);
        }
        return next;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable resource : owned) {
            resource.close();
        }
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
