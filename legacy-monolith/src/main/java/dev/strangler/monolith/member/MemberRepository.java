package dev.strangler.monolith.member;

import dev.strangler.monolith.support.LegacyColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** TB_MEMBER. Soft-deleted rows (DEL_YN = 'Y') are invisible to everything here except the login id index. */
@Repository
class MemberRepository {

    private static final String COLUMNS =
            "MBR_NO, LOGIN_ID, MBR_NM, EMAIL_ADDR, TEL_NO, GRADE_CD, JOIN_DT, UPD_DT";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(MemberRegistration registration) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO TB_MEMBER (LOGIN_ID, MBR_NM, EMAIL_ADDR, TEL_NO, GRADE_CD, DEL_YN)
                VALUES (:loginId, :name, :email, :phone, :grade, 'N')""")
                .param("loginId", registration.loginId())
                .param("name", registration.name())
                .param("email", registration.email())
                .param("phone", registration.phone())
                .param("grade", registration.gradeOrDefault().code())
                .update(key, "MBR_NO");
        return key.getKey().longValue();
    }

    Optional<Member> findActive(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM TB_MEMBER WHERE MBR_NO = :id AND DEL_YN = 'N'")
                .param("id", id).query(MemberRepository::member).optional();
    }

    /** A shared lock on an active member's row: a concurrent soft delete waits until the order is committed. */
    boolean lockActive(long id) {
        return jdbc.sql("SELECT MBR_NO FROM TB_MEMBER WHERE MBR_NO = :id AND DEL_YN = 'N' LOCK IN SHARE MODE")
                .param("id", id).query(Long.class).optional().isPresent();
    }

    int update(long id, MemberUpdate update) {
        return jdbc.sql("""
                UPDATE TB_MEMBER SET MBR_NM = :name, EMAIL_ADDR = :email, TEL_NO = :phone, GRADE_CD = :grade,
                       UPD_DT = CURRENT_TIMESTAMP(3)
                 WHERE MBR_NO = :id AND DEL_YN = 'N'""")
                .param("name", update.name())
                .param("email", update.email())
                .param("phone", update.phone())
                .param("grade", MemberGrade.valueOf(update.grade()).code())
                .param("id", id)
                .update();
    }

    int softDelete(long id) {
        return jdbc.sql("""
                UPDATE TB_MEMBER SET DEL_YN = 'Y', UPD_DT = CURRENT_TIMESTAMP(3)
                 WHERE MBR_NO = :id AND DEL_YN = 'N'""")
                .param("id", id).update();
    }

    List<Member> search(MemberSearch search) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM TB_MEMBER" + where(search)
                        + " ORDER BY MBR_NO LIMIT :size OFFSET :offset")
                .params(parameters(search))
                .param("size", search.size())
                .param("offset", search.offset())
                .query(MemberRepository::member).list();
    }

    long count(MemberSearch search) {
        return jdbc.sql("SELECT COUNT(*) FROM TB_MEMBER" + where(search))
                .params(parameters(search)).query(Long.class).single();
    }

    // Only the filters in use go into the SQL, so the grade index serves grade-only searches.
    private static String where(MemberSearch search) {
        StringBuilder where = new StringBuilder(" WHERE DEL_YN = 'N'");
        if (search.grade() != null) {
            where.append(" AND GRADE_CD = :grade");
        }
        if (search.text() != null) {
            where.append(" AND (MBR_NM LIKE :text OR LOGIN_ID LIKE :text OR EMAIL_ADDR LIKE :text)");
        }
        return where.toString();
    }

    private static Map<String, Object> parameters(MemberSearch search) {
        Map<String, Object> parameters = new HashMap<>();
        if (search.grade() != null) {
            parameters.put("grade", search.grade().code());
        }
        if (search.text() != null) {
            parameters.put("text", search.likePattern());
        }
        return parameters;
    }

    private static Member member(ResultSet row, int rowNumber) throws SQLException {
        return new Member(row.getLong("MBR_NO"), row.getString("LOGIN_ID"), row.getString("MBR_NM"),
                row.getString("EMAIL_ADDR"), row.getString("TEL_NO"), MemberGrade.fromCode(row.getString("GRADE_CD")),
                LegacyColumns.instant(row, "JOIN_DT"), LegacyColumns.instant(row, "UPD_DT"));
    }
}
