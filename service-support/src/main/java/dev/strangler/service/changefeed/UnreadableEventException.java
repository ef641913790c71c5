package dev.strangler.service.changefeed;

/**
 * A change event the service cannot read: bad JSON, a missing key field, an unknown code. Retrying cannot help, so
 * the error handler sends it straight to the dead-letter topic with this message as the reason.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String reason) {
        super(reason);
    }

    public UnreadableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
