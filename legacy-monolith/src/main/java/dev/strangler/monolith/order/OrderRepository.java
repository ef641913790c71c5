package dev.strangler.monolith.order;

import dev.strangler.monolith.support.LegacyColumns;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** TB_ORDER and TB_ORDER_ITEM. Public because the member module reads the order tables directly. */
@Repository
public class OrderRepository {

    private static final String COLUMNS = "ORD_NO, MBR_NO, ORD_STAT_CD, ORD_DT, TOT_AMT, SHIP_ADDR";
    private static final String OPEN = "('" + OrderStatus.ORDERED.code() + "', '" + OrderStatus.PAID.code() + "')";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long memberId, BigDecimal totalAmount, String shippingAddress) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO TB_ORDER (MBR_NO, ORD_STAT_CD, TOT_AMT, SHIP_ADDR)
                VALUES (:memberId, :status, :total, :address)""")
                .param("memberId", memberId)
                .param("status", OrderStatus.ORDERED.code())
                .param("total", totalAmount)
                .param("address", shippingAddress)
                .update(key, "ORD_NO");
        return key.getKey().longValue();
    }

    void insertItem(long orderId, OrderItem item) {
        jdbc.sql("""
                INSERT INTO TB_ORDER_ITEM (ORD_NO, ITEM_SEQ, PRD_NO, QTY, UNIT_PRC)
                VALUES (:orderId, :seq, :productId, :quantity, :price)""")
                .param("orderId", orderId)
                .param("seq", item.seq())
                .param("productId", item.productId())
                .param("quantity", item.quantity())
                .param("price", item.unitPrice())
                .update();
    }

    Optional<Order> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM TB_ORDER WHERE ORD_NO = :id")
                .param("id", id).query(OrderRepository::order).optional()
                .map(order -> order.withItems(itemsOf(List.of(id)).getOrDefault(id, List.of())));
    }

    List<Order> findByMember(long memberId) {
        List<Order> orders = jdbc.sql("SELECT " + COLUMNS + " FROM TB_ORDER WHERE MBR_NO = :memberId ORDER BY ORD_NO")
                .param("memberId", memberId).query(OrderRepository::order).list();
        if (orders.isEmpty()) {
            return orders;
        }
        Map<Long, List<OrderItem>> items = itemsOf(orders.stream().map(Order::id).toList());
        return orders.stream().map(order -> order.withItems(items.getOrDefault(order.id(), List.of()))).toList();
    }

    /** Orders that are ORDERED or PAID: they still need the member. */
    public long countOpenOrders(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM TB_ORDER WHERE MBR_NO = :memberId AND ORD_STAT_CD IN " + OPEN)
                .param("memberId", memberId).query(Long.class).single();
    }

    /** Moves an order from one status to another only if it is still in the first: false if it was not. */
    boolean changeStatus(long id, OrderStatus from, OrderStatus to) {
        return jdbc.sql("""
                UPDATE TB_ORDER SET ORD_STAT_CD = :to, UPD_DT = CURRENT_TIMESTAMP(3)
                 WHERE ORD_NO = :id AND ORD_STAT_CD = :from""")
                .param("to", to.code()).param("id", id).param("from", from.code()).update() == 1;
    }

    private Map<Long, List<OrderItem>> itemsOf(List<Long> orderIds) {
        return jdbc.sql("SELECT ORD_NO, ITEM_SEQ, PRD_NO, QTY, UNIT_PRC FROM TB_ORDER_ITEM"
                        + " WHERE ORD_NO IN (:ids) ORDER BY ORD_NO, ITEM_SEQ")
                .param("ids", orderIds)
                .query((row, n) -> Map.entry(row.getLong("ORD_NO"), new OrderItem(row.getInt("ITEM_SEQ"),
                        row.getLong("PRD_NO"), row.getInt("QTY"), row.getBigDecimal("UNIT_PRC"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Order order(ResultSet row, int rowNumber) throws SQLException {
        return new Order(row.getLong("ORD_NO"), row.getLong("MBR_NO"),
                OrderStatus.fromCode(row.getString("ORD_STAT_CD")), LegacyColumns.instant(row, "ORD_DT"),
                row.getBigDecimal("TOT_AMT"), row.getString("SHIP_ADDR"), List.of());
    }
}
