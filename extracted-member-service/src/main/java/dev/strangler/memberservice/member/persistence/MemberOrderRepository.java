package dev.strangler.memberservice.member.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** MEMBER_ORDER: each order's member and status, enough to tell whether a member still has open orders. */
@Repository
public class MemberOrderRepository {

    private final JdbcClient jdbc;

    MemberOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long orderId, long memberId, String status) {
        jdbc.sql("""
                INSERT INTO MEMBER_ORDER (order_id, member_id, status) VALUES (:orderId, :memberId, :status)
                ON DUPLICATE KEY UPDATE member_id = VALUES(member_id), status = VALUES(status)""")
                .param("orderId", orderId).param("memberId", memberId).param("status", status).update();
    }

    public void delete(long orderId) {
        jdbc.sql("DELETE FROM MEMBER_ORDER WHERE order_id = :orderId").param("orderId", orderId).update();
    }

    /** Orders that are ORDERED or PAID: they still need the member. */
    public long countOpen(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM MEMBER_ORDER WHERE member_id = :memberId AND status IN ('ORDERED', 'PAID')")
                .param("memberId", memberId).query(Long.class).single();
    }
}
