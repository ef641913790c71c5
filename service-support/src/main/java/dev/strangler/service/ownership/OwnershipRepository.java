package dev.strangler.service.ownership;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** OWNERSHIP_CHANGE: every change is kept (the audit trail); the newest one is in force. */
@Repository
class OwnershipRepository {

    private final JdbcClient jdbc;

    OwnershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Ownership> latest() {
        return jdbc.sql("SELECT mode, reason, changed_at FROM OWNERSHIP_CHANGE ORDER BY id DESC LIMIT 1")
                .query((row, n) -> new Ownership(OwnershipMode.valueOf(row.getString("mode")), row.getString("reason"),
                        row.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        "admin-api"))
                .optional();
    }

    void append(OwnershipMode mode, String reason, Instant changedAt) {
        jdbc.sql("INSERT INTO OWNERSHIP_CHANGE (mode, reason, changed_at) VALUES (:mode, :reason, :at)")
                .param("mode", mode.name()).param("reason", reason)
                .param("at", LocalDateTime.ofInstant(changedAt, ZoneOffset.UTC))
                .update();
    }
}
