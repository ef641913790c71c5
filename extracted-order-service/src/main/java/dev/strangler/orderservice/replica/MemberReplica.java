package dev.strangler.orderservice.replica;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** MEMBER_REPLICA: which members exist and are active, as the member topic last said. Read-only to the service. */
@Repository
public class MemberReplica {

    /**
     * A member as the topic last said.
     *
     * @param id        member number
     * @param deleted   soft or hard deleted in the monolith
     * @param updatedAt the legacy row's UPD_DT
     */
    record State(long id, boolean deleted, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    MemberReplica(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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

    /** Upserts the members' state in one JDBC batch (one multi-row statement with rewriteBatchedStatements). */
    void saveAll(List<State> members) {
        if (members.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO MEMBER_REPLICA (id, deleted, updated_at) VALUES (:id, :deleted, :at)
                ON DUPLICATE KEY UPDATE deleted = VALUES(deleted), updated_at = VALUES(updated_at)""",
                members.stream().map(member -> new MapSqlParameterSource().addValue("id", member.id())
                        .addValue("deleted", member.deleted())
                        .addValue("at", LocalDateTime.ofInstant(member.updatedAt(), ZoneOffset.UTC)))
                        .toArray(SqlParameterSource[]::new));
    }
}
