package dev.strangler.service.ownership;

/** Who is the source of truth for the service's writes: the monolith until the write cut-over, then the service. */
public enum OwnershipMode {
    /** The monolith owns writes: the service serves reads from its replica and refuses writes. */
    LEGACY_OWNS,
    /** The service owns writes: it accepts them and records each one in the outbox for the reverse path. */
    SERVICE_OWNS
}
