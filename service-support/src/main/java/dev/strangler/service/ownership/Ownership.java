package dev.strangler.service.ownership;

import java.time.Instant;

/**
 * The current ownership of the service's writes.
 *
 * @param mode      who owns writes
 * @param reason    why it was set, as the operator wrote it
 * @param changedAt when it was set; null while the configured default applies
 * @param source    {@code configuration} (the default, never changed) or {@code admin-api}
 */
public record Ownership(OwnershipMode mode, String reason, Instant changedAt, String source) {
}
