package dev.strangler.service.changefeed;

import java.util.List;

/**
 * A legacy table the service keeps a copy of: how its events translate and how the newest change of each row is
 * written. {@link ChangeBatchApplier} does the rest (dead letters, the version guard, the transaction).
 *
 * @param <T> the service's type for the table's rows
 */
public interface ReplicatedTable<T> {

    /** The legacy table: the version guard's name for its rows. */
    String name();

    /** Translates one legacy change event; an event that cannot be read throws {@link UnreadableEventException}. */
    Change<T> translate(ChangeEvent event);

    /**
     * Translates one event published by the service that owns the table's writes after a cut-over (its outbox
     * topic). Only tables that follow such a topic override this.
     */
    default Change<T> translate(DomainEvent event) {
        throw new UnreadableEventException(name() + " does not read " + event.aggregateType() + " events");
    }

    /**
     * Writes the newest change of each row, set-wise, inside the batch's transaction. At most one change per key;
     * each is newer than what the row had, unless the table keeps the version in the row.
     */
    void write(List<Change<T>> newest);

    /**
     * Whether each row carries its own version ({@link SourceVersion#rowVersion()}), so that {@link #write} itself
     * applies a change only where its version is greater than the row's (a conditional upsert built with
     * {@link RowVersionUpsert}). That is one statement per batch instead of the guard's locking read and its second
     * upsert, which during a backfill cost more than the write. Only for tables whose rows outlive a delete (a soft
     * delete), since the version must too. By default the version guard's own table keeps the versions.
     */
    default boolean versionInRow() {
        return false;
    }
}
