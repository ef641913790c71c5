package dev.strangler.service.ownership;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ownership mode in force. Read from the database on every write, not cached: with several instances, a flip
 * on one must stop writes on all of them at once.
 */
@Service
public class OwnershipService {

    private final OwnershipRepository changes;
    private final OwnershipProperties properties;
    private final Clock clock;

    OwnershipService(OwnershipRepository changes, OwnershipProperties properties) {
        this.changes = changes;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    @Transactional(readOnly = true)
    public Ownership current() {
        return changes.latest().orElseGet(() -> new Ownership(properties.defaultMode(),
                "default from configuration", null, "configuration"));
    }

    @Transactional
    public Ownership change(OwnershipMode mode, String reason) {
        changes.append(mode, reason, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        return current();
    }

    /** Throws the 409 problem unless the service owns its writes right now. */
    public void requireServiceOwnsWrites() {
        Ownership ownership = current();
        if (ownership.mode() != OwnershipMode.SERVICE_OWNS) {
            throw new LegacyOwnsWritesException(ownership, properties.subject());
        }
    }
}
