package dev.strangler.orderservice.stock;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** PENDING_STOCK. */
@Repository
class PendingStockRepository {

    private final JdbcClient jdbc;

    PendingStockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PendingStock pending, Instant at) {
        jdbc.sql("""
                INSERT INTO PENDING_STOCK (operation_id, product_id, quantity, kind, created_at)
                VALUES (:id, :product, :quantity, :kind, :at)""")
                .param("id", pending.operationId().toString()).param("product", pending.productId())
                .param("quantity", pending.quantity()).param("kind", pending.kind().name())
                .param("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** Removes the rows; the count tells the caller whether each was still there (not taken by someone else). */
    int delete(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM PENDING_STOCK WHERE operation_id IN (:ids)")
                .param("ids", ids.stream().map(UUID::toString).toList()).update();
    }

    List<PendingStock> olderThan(Instant cutoff) {
        return jdbc.sql("SELECT operation_id, product_id, quantity, kind FROM PENDING_STOCK WHERE created_at <= :cutoff"
                        + " ORDER BY created_at")
                .param("cutoff", LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .query((row, n) -> new PendingStock(UUID.fromString(row.getString("operation_id")),
                        row.getLong("product_id"), row.getInt("quantity"),
                        PendingStock.Kind.valueOf(row.getString("kind"))))
                .list();
    }
}
