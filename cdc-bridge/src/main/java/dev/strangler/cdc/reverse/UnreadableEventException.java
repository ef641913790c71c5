package dev.strangler.cdc.reverse;

/** An outbox event the reverse path cannot translate; it is recorded and skipped, never half-applied. */
class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String message) {
        super(message);
    }
}
