package dev.strangler.memberservice.member.persistence;

import dev.strangler.memberservice.member.Email;
import dev.strangler.memberservice.member.Grade;
import dev.strangler.memberservice.member.Member;
import dev.strangler.memberservice.member.MemberQuery;
import dev.strangler.service.changefeed.Change;
import dev.strangler.service.changefeed.RowVersionUpsert;
import dev.strangler.service.changefeed.SourceVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** MEMBER: members registered here and members replicated from the legacy schema, in one table. */
@Repository
public class MemberRepository {

    private static final String COLUMNS = "id, login_id, name, email, phone, grade, joined_at, updated_at, deleted";

    private static final List<String> WRITTEN = List.of("login_id", "name", "email", "phone", "grade", "joined_at",
            "updated_at", "deleted");

    private static final String INSERT = """
            INSERT INTO MEMBER (id, login_id, name, email, phone, grade, joined_at, updated_at, deleted, source_version)
            VALUES (:id, :loginId, :name, :email, :phone, :grade, :joinedAt, :updatedAt, :deleted, :version)
            """;

    private static final String SAVE = INSERT + RowVersionUpsert.onDuplicateKeyUpdate(WRITTEN);

    private static final String SAVE_IF_NEWER = INSERT + RowVersionUpsert.onDuplicateKeyUpdateIfNewer(WRITTEN);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    MemberRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts a new member (id from AUTO_INCREMENT, above every replicated id) and returns its id. */
    public long insert(String loginId, String name, Email email, String phone, Grade grade, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO MEMBER (login_id, name, email, phone, grade, joined_at, updated_at, deleted, source_version)
                VALUES (:loginId, :name, :email, :phone, :grade, :at, :at, FALSE, :version)""")
                .param("loginId", loginId).param("name", name).param("email", email.value())
                .param("phone", phone).param("grade", grade.name()).param("at", utc(at))
                .param("version", SourceVersion.ofServiceWrite(at).rowVersion())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * The service's own write: every field of {@code member} under its id, versioned as written by the service at
     * its {@code updatedAt}, so that older forward events leave it alone.
     */
    public void save(Member member) {
        batch.update(SAVE, parameters(member, SourceVersion.ofServiceWrite(member.updatedAt())));
    }

    /**
     * Replicated members, one multi-row statement (rewriteBatchedStatements): each row is written only where the
     * change's version is greater than the row's, so replayed and superseded events change nothing.
     */
    public void saveIfNewer(List<Change<Member>> changes) {
        if (changes.isEmpty()) {
            return;
        }
        batch.batchUpdate(SAVE_IF_NEWER, changes.stream()
                .map(change -> parameters(change.value(), change.version())).toArray(SqlParameterSource[]::new));
    }

    /** A member whether deleted or not; locks the row for the caller's transaction. */
    public Optional<Member> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MEMBER WHERE id = :id FOR UPDATE")
                .param("id", id).query(MemberRepository::member).optional();
    }

    public Optional<Member> findActive(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MEMBER WHERE id = :id AND deleted = FALSE")
                .param("id", id).query(MemberRepository::member).optional();
    }

    public boolean loginIdTaken(String loginId) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER WHERE login_id = :loginId")
                .param("loginId", loginId).query(Long.class).single() > 0;
    }

    public List<Member> search(MemberQuery query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MEMBER" + where(query) + " ORDER BY id LIMIT :size OFFSET :offset")
                .params(parameters(query)).param("size", query.size()).param("offset", query.offset())
                .query(MemberRepository::member).list();
    }

    public long count(MemberQuery query) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER" + where(query)).params(parameters(query))
                .query(Long.class).single();
    }

    private static String where(MemberQuery query) {
        StringBuilder where = new StringBuilder(" WHERE deleted = FALSE");
        if (query.grade() != null) {
            where.append(" AND grade = :grade");
        }
        if (query.text() != null) {
            where.append(" AND (name LIKE :text OR login_id LIKE :text OR email LIKE :text)");
        }
        return where.toString();
    }

    private static Map<String, Object> parameters(MemberQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        if (query.grade() != null) {
            parameters.put("grade", query.grade().name());
        }
        if (query.text() != null) {
            // LIKE's own wildcards in the search text are taken literally, as the monolith does.
            parameters.put("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        }
        return parameters;
    }

    private static SqlParameterSource parameters(Member member, SourceVersion version) {
        return new MapSqlParameterSource().addValue("id", member.id()).addValue("version", version.rowVersion())
                .addValue("loginId", member.loginId())
                .addValue("name", member.name()).addValue("email", member.email().value())
                .addValue("phone", member.phone()).addValue("grade", member.grade().name())
                .addValue("joinedAt", utc(member.joinedAt())).addValue("updatedAt", utc(member.updatedAt()))
                .addValue("deleted", member.deleted());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Member member(ResultSet row, int rowNumber) throws SQLException {
        return new Member(row.getLong("id"), row.getString("login_id"), row.getString("name"),
                new Email(row.getString("email")), row.getString("phone"), Grade.valueOf(row.getString("grade")),
                instant(row, "joined_at"), instant(row, "updated_at"), row.getBoolean("deleted"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
