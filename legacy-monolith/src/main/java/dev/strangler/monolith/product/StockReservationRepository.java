package dev.strangler.monolith.product;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** TB_STOCK_RESV. */
@Repository
class StockReservationRepository {

    private final JdbcClient jdbc;

    StockReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws DuplicateKeyException when the id was used before: the caller then answers with that row. */
    void insert(String id, long productId, int quantity, String status) {
        jdbc.sql("INSERT INTO TB_STOCK_RESV (RESV_ID, PRD_NO, QTY, RESV_STAT_CD) VALUES (:id, :product, :qty, :status)")
                .param("id", id).param("product", productId).param("qty", quantity).param("status", status)
                .update();
    }

    Optional<StockReservation> find(String id, BigDecimal unitPrice) {
        return jdbc.sql("SELECT RESV_ID, PRD_NO, QTY, RESV_STAT_CD FROM TB_STOCK_RESV WHERE RESV_ID = :id")
                .param("id", id)
                .query((row, n) -> new StockReservation(row.getString("RESV_ID"), row.getLong("PRD_NO"),
                        row.getInt("QTY"), row.getString("RESV_STAT_CD"), unitPrice))
                .optional();
    }

    /** RESERVED to RELEASED, only once: true if this call released it. */
    boolean release(String id, long productId) {
        return jdbc.sql("""
                UPDATE TB_STOCK_RESV SET RESV_STAT_CD = 'X', UPD_DT = CURRENT_TIMESTAMP(3)
                 WHERE RESV_ID = :id AND PRD_NO = :product AND RESV_STAT_CD = 'R'""")
                .param("id", id).param("product", productId).update() == 1;
    }

    int quantity(String id) {
        return jdbc.sql("SELECT QTY FROM TB_STOCK_RESV WHERE RESV_ID = :id").param("id", id)
                .query(Integer.class).single();
    }
}
