package dev.strangler.service.backfill;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.ChangeBatchApplier;
import dev.strangler.service.changefeed.ChangeEvent;
import dev.strangler.service.changefeed.ChangeEvent.Operation;
import dev.strangler.service.changefeed.ChangeEvent.SourcePosition;
import dev.strangler.service.changefeed.ReplicatedTable;
import dev.strangler.service.changefeed.UnreadableEventException;
import dev.strangler.web.problem.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * A legacy table copied straight from a consistent snapshot of the legacy database into the service's table, beside
 * the change feed: for a large table, where the per-row path (Debezium, Kafka, one event per row) is too slow.
 *
 * <p>The guarantees are the change feed's. Every row is translated by the table exactly as a snapshot event of it
 * would be ({@link RowImageReader}) and carries the snapshot's binlog position in its version, as a row of
 * Debezium's own snapshot does; it is written through {@link ChangeBatchApplier} in transactions of
 * {@link BulkBackfillProperties#chunkSize()} rows, under the version guard. So a change the feed streams from after
 * the snapshot wins over the copied row whichever lands first, one from before it loses, and a second run changes
 * nothing. No gap needs the change feed to be streaming the table before the snapshot opens: the bridge started
 * with the table in {@code CDC_BULK_BACKFILL_TABLES} (its own snapshot then leaves the table's rows out) and its
 * status streaming. The snapshot's position is recorded ({@link BulkBackfillRuns}).
 *
 * <p>Reading and writing overlap: one thread reads and translates, another writes, a chunk or two apart.
 */
public class BulkBackfill implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BulkBackfill.class);
    private static final int SKIPPED_NAMED = 5;
    private static final List<Object> END = new ArrayList<>(0);

    private final Map<String, ReplicatedTable<?>> tables;
    private final BulkBackfillProperties properties;
    private final ChangeBatchApplier applier;
    private final BulkBackfillRuns runs;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(named("bulk-backfill-read"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(named("bulk-backfill-write"));
    // One run at a time per instance: two would only compete for the same two cores.
    private final AtomicBoolean busy = new AtomicBoolean();

    public BulkBackfill(Collection<ReplicatedTable<?>> tables, BulkBackfillProperties properties,
                        ChangeBatchApplier applier, BulkBackfillRuns runs) {
        this.tables = tables.stream().collect(Collectors.toMap(ReplicatedTable::name, Function.identity(),
                (first, second) -> first));
        this.properties = properties;
        this.applier = applier;
        this.runs = runs;
    }

    /**
     * Opens the snapshot, records the run and starts the copy in the background.
     *
     * @param by the control token's name, for the record
     * @return the run as recorded at its start
     */
    public BulkBackfillRun start(String table, String by) {
        ReplicatedTable<?> replicated = tables.get(table);
        if (replicated == null) {
            throw new NotFoundException("Replicated table", table + " (this service replicates "
                    + String.join(", ", tables.keySet().stream().sorted().toList()) + ")");
        }
        if (!properties.configured()) {
            throw new BulkBackfillRefusedException("No legacy database is configured for the bulk backfill: set"
                    + " KIT_BACKFILL_LEGACY_URL, KIT_BACKFILL_LEGACY_USERNAME and KIT_BACKFILL_LEGACY_PASSWORD");
        }
        if (!busy.compareAndSet(false, true)) {
            throw running();
        }
        LegacySnapshot snapshot = null;
        try {
            snapshot = LegacySnapshot.open(properties);
            if (!runs.start(table, snapshot.position(), by, snapshot.openedAt())) {
                throw running();
            }
            LegacySnapshot opened = snapshot;
            reader.execute(() -> copy(replicated, opened));
            snapshot = null;
            return runs.find(table).orElseThrow();
        } catch (SQLException e) {
            throw new LegacyDatabaseUnavailableException(e);
        } catch (IllegalStateException e) {
            throw new BulkBackfillRefusedException(e.getMessage());
        } finally {
            if (snapshot != null) {
                closeQuietly(snapshot);
                busy.set(false);
            }
        }
    }

    public List<BulkBackfillRun> runs() {
        return runs.all();
    }

    public BulkBackfillRun run(String table) {
        return runs.find(table).orElseThrow(() -> new NotFoundException("Bulk backfill of", table));
    }

    private <T> void copy(ReplicatedTable<T> table, LegacySnapshot snapshot) {
        Counts counts = new Counts();
        String state = BulkBackfillRun.FAILED;
        String problem = null;
        Future<?> writes = null;
        try (snapshot) {
            BlockingQueue<List<Change<T>>> chunks = new ArrayBlockingQueue<>(2);
            writes = writer.submit(() -> write(table, chunks, counts));
            try (ResultSet rows = snapshot.readAll(table.name())) {
                RowImageReader images = new RowImageReader(table.name(), rows.getMetaData());
                SourcePosition position = new SourcePosition(snapshot.position().file(),
                        snapshot.position().position(), snapshot.openedAt().toEpochMilli(), null);
                List<Change<T>> chunk = new ArrayList<>(properties.chunkSize());
                while (rows.next()) {
                    counts.read.incrementAndGet();
                    try {
                        chunk.add(table.translate(new ChangeEvent(table.name(), Operation.READ, null,
                                images.read(rows), position)));
                    } catch (UnreadableEventException e) {
                        counts.skipped(e.getMessage());
                    }
                    if (chunk.size() == properties.chunkSize()) {
                        hand(chunks, chunk, writes);
                        chunk = new ArrayList<>(properties.chunkSize());
                    }
                }
                if (!chunk.isEmpty()) {
                    hand(chunks, chunk, writes);
                }
                hand(chunks, end(), writes);
            }
            writes.get();
            state = BulkBackfillRun.DONE;
            problem = counts.skippedProblem();
            log.info("Bulk backfill of {} from {}: {} rows read, {} written, {} skipped", table.name(),
                    snapshot.position(), counts.read, counts.written, counts.skipped);
        } catch (Exception e) {
            if (writes != null) {
                writes.cancel(true);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            problem = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            log.error("Bulk backfill of {} failed after {} rows", table.name(), counts.read, cause);
        } finally {
            try {
                runs.finish(table.name(), state, counts.read.get(), counts.written.get(), counts.skipped.get(),
                        problem);
            } finally {
                busy.set(false);
            }
        }
    }

    private <T> Void write(ReplicatedTable<T> table, BlockingQueue<List<Change<T>>> chunks, Counts counts)
            throws InterruptedException {
        while (true) {
            List<Change<T>> chunk = chunks.take();
            if ((Object) chunk == END) {
                return null;
            }
            counts.written.addAndGet(applier.applyTranslated(table, chunk));
            runs.progress(table.name(), counts.read.get(), counts.written.get(), counts.skipped.get());
        }
    }

    // Waits for room, unless the writer has stopped (then its failure ends the copy).
    private static <T> void hand(BlockingQueue<List<Change<T>>> chunks, List<Change<T>> chunk, Future<?> writes)
            throws InterruptedException, ExecutionException {
        while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
            if (writes.isDone()) {
                writes.get();
                throw new IllegalStateException("the writer stopped before the end of the table");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Change<T>> end() {
        return (List<Change<T>>) (List<?>) END;
    }

    private BulkBackfillRefusedException running() {
        return new BulkBackfillRefusedException("A bulk backfill is running in this service: wait for it"
                + " (GET /admin/backfills)");
    }

    private static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(LegacySnapshot snapshot) {
        try {
            snapshot.close();
        } catch (SQLException e) {
            log.debug("Closing an unused legacy snapshot failed", e);
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
        writer.shutdownNow();
    }

    private static final class Counts {

        private final AtomicLong read = new AtomicLong();
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final List<String> named = new ArrayList<>();

        void skipped(String why) {
            skipped.incrementAndGet();
            if (named.size() < SKIPPED_NAMED) {
                named.add(why);
            }
        }

        String skippedProblem() {
            return named.isEmpty() ? null : skipped + " rows skipped, the first: " + String.join("; ", named);
        }
    }
}
