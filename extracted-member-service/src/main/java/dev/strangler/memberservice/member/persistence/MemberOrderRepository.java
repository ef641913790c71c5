package dev.strangler.memberservice.member.persistence;

import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** MEMBER_ORDER: each order's member and status, enough to tell whether a member still has open orders. */
@Repository
public class MemberOrderRepository {

    /**
     * @param orderId  the order
     * @param memberId who placed it
     * @param status   ORDERED, PAID, SHIPPED or CANCELLED
     */
    public record MemberOrder(long orderId, long memberId, String status) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    MemberOrderRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Upserts every order in one JDBC batch (one multi-row statement with {@code rewriteBatchedStatements}). */
    public void saveAll(List<MemberOrder> orders) {
        if (orders.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO MEMBER_ORDER (order_id, member_id, status) VALUES (:orderId, :memberId, :status)
                ON DUPLICATE KEY UPDATE member_id = VALUES(member_id), status = VALUES(status)""",
                orders.stream().map(order -> new MapSqlParameterSource().addValue("orderId", order.orderId())
                        .addValue("memberId", order.memberId()).addValue("status", order.status()))
                        .toArray(SqlParameterSource[]::new));
    }

    public void deleteAll(List<Long> orderIds) {
        if (!orderIds.isEmpty()) {
            jdbc.sql("DELETE FROM MEMBER_ORDER WHERE order_id IN (:ids)").param("ids", orderIds).update();
        }
    }

    /** Orders that are ORDERED or PAID: they still need the member. */
    public long countOpen(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER_ORDER WHERE member_id = :memberId AND status IN ('ORDERED', 'PAID')")
                .param("memberId", memberId).query(Long.class).single();
    }
}
