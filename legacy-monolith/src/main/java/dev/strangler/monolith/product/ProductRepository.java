package dev.strangler.monolith.product;

import dev.strangler.monolith.support.LegacyColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** TB_PRODUCT. */
@Repository
class ProductRepository {

    private static final String COLUMNS = "PRD_NO, PRD_NM, UNIT_PRC, STOCK_QTY, UPD_DT";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ProductRequest request) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO TB_PRODUCT (PRD_NM, UNIT_PRC, STOCK_QTY) VALUES (:name, :price, :stock)")
                .param("name", request.name())
                .param("price", request.unitPrice())
                .param("stock", request.stockQuantity())
                .update(key, "PRD_NO");
        return key.getKey().longValue();
    }

    int update(long id, ProductRequest request) {
        return jdbc.sql("""
                UPDATE TB_PRODUCT SET PRD_NM = :name, UNIT_PRC = :price, STOCK_QTY = :stock,
                       UPD_DT = CURRENT_TIMESTAMP(3)
                 WHERE PRD_NO = :id""")
                .param("name", request.name())
                .param("price", request.unitPrice())
                .param("stock", request.stockQuantity())
                .param("id", id)
                .update();
    }

    Optional<Product> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM TB_PRODUCT WHERE PRD_NO = :id")
                .param("id", id).query(ProductRepository::product).optional();
    }

    List<Product> list(String nameContains, int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM TB_PRODUCT WHERE PRD_NM LIKE :name"
                        + " ORDER BY PRD_NO LIMIT :size OFFSET :offset")
                .param("name", like(nameContains))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(ProductRepository::product).list();
    }

    long count(String nameContains) {
        return jdbc.sql("SELECT COUNT(*) FROM TB_PRODUCT WHERE PRD_NM LIKE :name")
                .param("name", like(nameContains)).query(Long.class).single();
    }

    /**
     * Takes {@code quantity} units only if that many are there. The condition and the decrement are one
     * statement, so concurrent orders can never oversell: the loser sees 0 rows updated.
     */
    boolean decrementStock(long id, int quantity) {
        return jdbc.sql("""
                UPDATE TB_PRODUCT SET STOCK_QTY = STOCK_QTY - :quantity, UPD_DT = CURRENT_TIMESTAMP(3)
                 WHERE PRD_NO = :id AND STOCK_QTY >= :quantity""")
                .param("quantity", quantity).param("id", id).update() == 1;
    }

    void incrementStock(long id, int quantity) {
        jdbc.sql("""
                UPDATE TB_PRODUCT SET STOCK_QTY = STOCK_QTY + :quantity, UPD_DT = CURRENT_TIMESTAMP(3)
                 WHERE PRD_NO = :id""")
                .param("quantity", quantity).param("id", id).update();
    }

    private static String like(String text) {
        return text == null ? "%" : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static Product product(ResultSet row, int rowNumber) throws SQLException {
        return new Product(row.getLong("PRD_NO"), row.getString("PRD_NM"), row.getBigDecimal("UNIT_PRC"),
                row.getInt("STOCK_QTY"), LegacyColumns.instant(row, "UPD_DT"));
    }
}
