package dev.strangler.service.ownership;

import dev.strangler.web.problem.ConflictException;
import dev.strangler.web.problem.ProblemTypes;

/** 409: the monolith is still the source of truth for the service's data; writes go there until the cut-over. */
public class LegacyOwnsWritesException extends ConflictException {

    LegacyOwnsWritesException(Ownership ownership, String subject) {
        super(ProblemTypes.LEGACY_OWNS_WRITES, "Legacy owns writes", Character.toUpperCase(subject.charAt(0)) + subject.substring(1)
                + " writes are owned by the legacy "
                + "system (mode LEGACY_OWNS); send them to the monolith until the write cut-over");
        property("mode", ownership.mode().name());
    }
}
