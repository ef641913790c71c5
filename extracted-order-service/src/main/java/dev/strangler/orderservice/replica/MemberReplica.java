package dev.strangler.orderservice.replica;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** MEMBER_REPLICA: which members exist and are active, as the member topic last said. Read-only to the service. */
@Repository
public class MemberReplica {

    private final JdbcClient jdbc;

    MemberReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isActive(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER_REPLICA WHERE id = :id AND deleted = FALSE")
                .param("id", memberId).query(Long.class).single() > 0;
    }

    /**
     * For an order: the member must be active, and stay so until the order commits. A shared lock on the replica
     * row makes a concurrent soft delete arriving from the topic wait, as the monolith's share lock did.
     */
    public boolean lockActive(long memberId) {
        return jdbc.sql("SELECT id FROM MEMBER_REPLICA WHERE id = :id AND deleted = FALSE LOCK IN SHARE MODE")
                .param("id", memberId).query(Long.class).optional().isPresent();
    }

    void save(long id, boolean deleted, Instant updatedAt) {
        jdbc.sql("""
                INSERT INTO MEMBER_REPLICA (id, deleted, updated_at) VALUES (:id, :deleted, :at)
                ON DUPLICATE KEY UPDATE deleted = VALUES(deleted), updated_at = VALUES(updated_at)""")
                .param("id", id).param("deleted", deleted).param("at", LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
                .update();
    }
}
