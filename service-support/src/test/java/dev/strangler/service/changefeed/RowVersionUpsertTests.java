package dev.strangler.service.changefeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowVersionUpsertTests {

    @Test
    void assignsEveryColumnOnlyWhereNewerAndTheVersionLast() {
        String newer = "(source_version IS NULL OR VALUES(source_version) > source_version)";
        assertThat(RowVersionUpsert.onDuplicateKeyUpdateIfNewer(List.of("name", "deleted"))).isEqualTo(
                "ON DUPLICATE KEY UPDATE name = IF(" + newer + ", VALUES(name), name), deleted = IF(" + newer
                        + ", VALUES(deleted), deleted), source_version = IF(" + newer
                        + ", VALUES(source_version), source_version)");
    }

    @Test
    void theServicesOwnWriteOverwritesEveryColumnAndTheVersion() {
        assertThat(RowVersionUpsert.onDuplicateKeyUpdate(List.of("name"))).isEqualTo(
                "ON DUPLICATE KEY UPDATE name = VALUES(name), source_version = VALUES(source_version)");
    }
}
