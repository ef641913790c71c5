package dev.strangler.service.outbox;

/**
 * A domain event bound for the outbox. Implementations are past-tense records; their simple class name is the
 * outbox {@code type} and {@link #payload()} is the aggregate's full state after the change.
 */
public interface OutboxEvent {

    /** {@code aggregatetype}, e.g. {@code Member} or {@code Order}. */
    String aggregateType();

    /** {@code aggregateid}: the aggregate's id as text. */
    String aggregateId();

    /** Serialised to JSON as the event's {@code payload}. */
    Object payload();

    /** {@code type}: the event's name in the past tense. */
    default String type() {
        return getClass().getSimpleName();
    }
}
