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

    /** Translates one event; an event that cannot be read throws {@link UnreadableEventException}. */
    Change<T> translate(ChangeEvent event);

    /**
     * Writes the newest change of each row, set-wise, inside the batch's transaction. At most one change per key,
     * each newer than what the row had.
     */
    void write(List<Change<T>> newest);
}
