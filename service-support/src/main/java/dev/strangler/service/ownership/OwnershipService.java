package dev.strangler.service.ownership;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ownership mode in force. Read from the database on every write, not cached: with several instances, a flip
 * on one must stop writes on all of them at once.
 */
@Service
public class OwnershipService {

    private static final Logger log = LoggerFactory.getLogger(OwnershipService.class);

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

    /** @param by the control token's name that asked, for the audit log */
    @Transactional
    public Ownership change(OwnershipMode mode, String reason, String by) {
        changes.append(mode, reason, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        log.info("Ownership of {} writes set to {} by token '{}' ({})", properties.subject(), mode, by, reason);
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
