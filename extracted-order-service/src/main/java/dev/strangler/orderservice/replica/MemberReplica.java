package dev.strangler.orderservice.replica;

import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.RowVersionUpsert;
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

    private static final String SAVE_IF_NEWER = """
            INSERT INTO MEMBER_REPLICA (id, deleted, updated_at, source_version)
            VALUES (:id, :deleted, :at, :version)
            """ + RowVersionUpsert.onDuplicateKeyUpdateIfNewer(List.of("deleted", "updated_at"));

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

    /**
     * Upserts the members' state in one JDBC batch (one multi-row statement with rewriteBatchedStatements), each row
     * only where the change's version is greater than the row's, so replayed and superseded events change nothing.
     */
    void saveIfNewer(List<Change<State>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        batch.batchUpdate(SAVE_IF_NEWER,
                changes.stream().map(change -> new MapSqlParameterSource().addValue("id", change.value().id())
                        .addValue("deleted", change.value().deleted())
                        .addValue("at", LocalDateTime.ofInstant(change.value().updatedAt(), ZoneOffset.UTC))
                        .addValue("version", change.version().rowVersion()))
                        .toArray(SqlParameterSource[]::new));
    }
}
