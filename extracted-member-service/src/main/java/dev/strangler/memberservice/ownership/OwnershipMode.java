package dev.strangler.memberservice.ownership;

/** Who is the source of truth for member writes. */
public enum OwnershipMode {
    /** The monolith owns writes: the service serves reads from its replica and refuses writes. */
    LEGACY_OWNS,
    /** The service owns writes: it accepts them and records each one in the outbox for the reverse path. */
    SERVICE_OWNS
}
