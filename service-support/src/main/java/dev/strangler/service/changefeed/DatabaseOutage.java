package dev.strangler.service.changefeed;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Failures that say the database is away or busy (no connection, a lock timeout, a deadlock), not that an event is
 * wrong. Such a batch is retried until the database is back and is never dead-lettered.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }
}
