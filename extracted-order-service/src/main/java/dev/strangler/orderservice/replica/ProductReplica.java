package dev.strangler.orderservice.replica;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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

    /**
     * A product as the topic last said.
     *
     * @param product   the product
     * @param deleted   deleted in the monolith
     * @param updatedAt the legacy row's UPD_DT
     */
    record State(Product product, boolean deleted, Instant updatedAt) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ProductReplica(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Product> find(long id) {
        return jdbc.sql("SELECT id, name, unit_price, stock_quantity FROM PRODUCT_REPLICA WHERE id = :id AND deleted = FALSE")
                .param("id", id)
                .query((row, n) -> new Product(row.getLong("id"), row.getString("name"), row.getBigDecimal("unit_price"),
                        row.getInt("stock_quantity")))
                .optional();
    }

    /** Upserts the products in one JDBC batch (one multi-row statement with rewriteBatchedStatements). */
    void saveAll(List<State> products) {
        if (products.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO PRODUCT_REPLICA (id, name, unit_price, stock_quantity, deleted, updated_at)
                VALUES (:id, :name, :price, :stock, :deleted, :at)
                ON DUPLICATE KEY UPDATE name = VALUES(name), unit_price = VALUES(unit_price),
                       stock_quantity = VALUES(stock_quantity), deleted = VALUES(deleted), updated_at = VALUES(updated_at)""",
                products.stream().map(state -> new MapSqlParameterSource().addValue("id", state.product().id())
                        .addValue("name", state.product().name()).addValue("price", state.product().unitPrice())
                        .addValue("stock", state.product().stockQuantity()).addValue("deleted", state.deleted())
                        .addValue("at", LocalDateTime.ofInstant(state.updatedAt(), ZoneOffset.UTC)))
                        .toArray(SqlParameterSource[]::new));
    }
}
