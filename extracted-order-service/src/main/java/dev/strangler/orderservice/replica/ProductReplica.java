package dev.strangler.orderservice.replica;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PRODUCT_REPLICA: the catalogue as the product topic last said. It lags the monolith by the CDC delay, so order
 * placement takes stock and prices from the monolith's stock API; this copy serves lookups that can lag.
 */
@Repository
public class ProductReplica {

    /**
     * @param id            product number
     * @param name          name
     * @param unitPrice     current price
     * @param stockQuantity units in stock when last replicated
     */
    public record Product(long id, String name, BigDecimal unitPrice, int stockQuantity) {
    }

    private final JdbcClient jdbc;

    ProductReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> find(long id) {
        return jdbc.sql("SELECT id, name, unit_price, stock_quantity FROM PRODUCT_REPLICA WHERE id = :id AND deleted = FALSE")
                .param("id", id)
                .query((row, n) -> new Product(row.getLong("id"), row.getString("name"), row.getBigDecimal("unit_price"),
                        row.getInt("stock_quantity")))
                .optional();
    }

    void save(Product product, boolean deleted, Instant updatedAt) {
        jdbc.sql("""
                INSERT INTO PRODUCT_REPLICA (id, name, unit_price, stock_quantity, deleted, updated_at)
                VALUES (:id, :name, :price, :stock, :deleted, :at)
                ON DUPLICATE KEY UPDATE name = VALUES(name), unit_price = VALUES(unit_price),
                       stock_quantity = VALUES(stock_quantity), deleted = VALUES(deleted), updated_at = VALUES(updated_at)""")
                .param("id", product.id()).param("name", product.name()).param("price", product.unitPrice())
                .param("stock", product.stockQuantity()).param("deleted", deleted)
                .param("at", LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
                .update();
    }
}
