package dev.strangler.service.changefeed;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one poll's records of a replicated table in one database transaction. Every record is read and
 * translated first; unreadable ones go to the dead-letter topic without failing the others. The version guard then
 * keeps, per row, the change that applying the records one by one would have left, and the table writes those rows
 * set-wise (a table that keeps each row's version in the row compares it in that write instead). The container
 * commits the batch's offsets only after this returns, so after the transaction committed: a crash in between
 * replays the batch, which the version guard turns into a no-op.
 *
 * <p>Failures: a database that is away fails the batch at its first record, so the error handler waits for the
 * database and redelivers all of it (never dead-lettered). Any other failure of the set-wise write cannot name its
 * record, so the batch is applied again one record per transaction, in offset order: the records before the
 * offending one are committed, and it is reported by {@link BatchListenerFailedException} for the error handler to
 * retry and then dead-letter, as one-record consumption did.
 */
public class ChangeBatchApplier {

    private static final Logger log = LoggerFactory.getLogger(ChangeBatchApplier.class);

    private final ChangeEventParser parser;
    private final DomainEventParser domainEvents;
    private final VersionGuard versions;
    private final TransactionTemplate transactions;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final ChangefeedMeters meters;

    public ChangeBatchApplier(ChangeEventParser parser, DomainEventParser domainEvents, VersionGuard versions,
                              TransactionTemplate transactions, DeadLetterPublishingRecoverer deadLetters,
                              ChangefeedMeters meters) {
        this.parser = parser;
        this.domainEvents = domainEvents;
        this.versions = versions;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    /** A poll of a legacy change topic (Debezium envelopes from the CDC bridge). */
    public <T> void apply(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer,
                          ReplicatedTable<T> table) {
        apply(records, consumer, table, record -> parser.parse(record).map(table::translate));
    }

    /**
     * A poll of another service's outbox topic ({@link DomainEvent}s): the same guard, transaction and dead letters,
     * so a row followed through both topics keeps the newest version whichever topic brought it.
     */
    public <T> void applyDomainEvents(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer,
                                      ReplicatedTable<T> table) {
        apply(records, consumer, table, record -> domainEvents.parse(record).map(table::translate));
    }

    private <T> void apply(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer,
                           ReplicatedTable<T> table,
                           Function<ConsumerRecord<String, String>, Optional<Change<T>>> translation) {
        meters.received(table.name(), records.size());
        List<Read<T>> reads = records.stream().map(record -> read(record, translation)).toList();
        if (reads.stream().anyMatch(Read::failedUnexpectedly)) {
            applyOneByOne(reads, consumer, table);
            return;
        }
        List<Change<T>> changes = reads.stream().map(Read::change).filter(Objects::nonNull).toList();
        long started = System.nanoTime();
        try {
            int written = write(table, changes);
            log.debug("{}: {} records, {} rows offered in {} ms", table.name(), records.size(), written,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCauseOf(e)) {
                throw new BatchListenerFailedException("database unavailable", e, records.get(0));
            }
            log.warn("Batch of {} {} records failed ({}); applying them one by one", records.size(), table.name(),
                    e.toString());
            applyOneByOne(reads, consumer, table);
            return;
        }
        // After the commit: a database outage above must not dead-letter the same record once per retry.
        reads.stream().filter(Read::unreadable).forEach(read -> deadLetter(read, consumer, table.name()));
    }

    /**
     * Changes translated elsewhere (a bulk backfill's chunk of snapshot rows), applied as a poll's are: one
     * transaction, the version guard, the meters.
     *
     * @return the number of rows offered to the table (see {@link #write})
     */
    public <T> int applyTranslated(ReplicatedTable<T> table, List<Change<T>> changes) {
        return write(table, changes);
    }

    private <T> void applyOneByOne(List<Read<T>> reads, Consumer<?, ?> consumer, ReplicatedTable<T> table) {
        for (Read<T> read : reads) {
            if (read.unreadable()) {
                deadLetter(read, consumer, table.name());
                continue;
            }
            try {
                if (read.problem() != null) {
                    throw read.problem();
                }
                if (read.change() != null) {
                    write(table, List.of(read.change()));
                }
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(table.name() + " record failed", e, read.record());
            }
        }
    }

    /**
     * Returns the number of rows offered to the table: those whose newest change was newer than what they had, or
     * for a table keeping the version in the row, every row's newest change (the write itself compares).
     */
    private <T> int write(ReplicatedTable<T> table, List<Change<T>> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        int written = transactions.execute(transaction -> {
            List<Change<T>> newest = table.versionInRow() ? VersionGuard.newestPerKey(changes)
                    : versions.claimNewest(table.name(), changes);
            if (!newest.isEmpty()) {
                table.write(newest);
            }
            return newest.size();
        });
        meters.applied(table.name(), written);
        return written;
    }

    private void deadLetter(Read<?> read, Consumer<?, ?> consumer, String table) {
        try {
            deadLetters.accept(read.record(), consumer, read.problem());
            meters.deadLettered(table);
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("dead-lettering failed", e, read.record());
        }
    }

    private <T> Read<T> read(ConsumerRecord<String, String> record,
                             Function<ConsumerRecord<String, String>, Optional<Change<T>>> translation) {
        try {
            return new Read<>(record, translation.apply(record).orElse(null), null);
        } catch (RuntimeException e) {
            return new Read<>(record, null, e);
        }
    }

    /**
     * A record as read: its change, nothing (a tombstone), or the problem reading it.
     *
     * @param record  the record
     * @param change  the translated change, or null
     * @param problem why the record could not be read, or null
     */
    private record Read<T>(ConsumerRecord<String, String> record, Change<T> change, RuntimeException problem) {

        boolean unreadable() {
            return problem instanceof UnreadableEventException;
        }

        /** Not a bad event but a bug or an outage while reading: retried, as any other failure. */
        boolean failedUnexpectedly() {
            return problem != null && !unreadable();
        }
    }
}
