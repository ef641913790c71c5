package dev.strangler.service.backfill;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulk backfill ({@code POST /admin/backfills}): where the legacy rows are read, and how many go into one write.
 *
 * @param legacyUrl      JDBC URL of the legacy schema ({@code KIT_BACKFILL_LEGACY_URL}); none turns the bulk backfill
 *                       off (every request 409)
 * @param legacyUsername an account with SELECT on the replicated tables; on MySQL also RELOAD (the snapshot's moment is
 *                       fixed under a short global read lock, as mysqldump does); MariaDB needs no lock
 * @param legacyPassword its password
 * @param chunkSize      rows per write transaction in the service's database
 */
@Validated
@ConfigurationProperties("kit.backfill")
public record BulkBackfillProperties(String legacyUrl, String legacyUsername, String legacyPassword,
                                     @DefaultValue("5000") @Min(1) int chunkSize) {

    public boolean configured() {
        return legacyUrl != null && !legacyUrl.isBlank();
    }
}
