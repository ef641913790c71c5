package dev.strangler.orderservice.order.persistence;

import dev.strangler.orderservice.order.Order;
import dev.strangler.orderservice.order.OrderLine;
import dev.strangler.orderservice.order.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** PURCHASE_ORDER and ORDER_LINE: orders placed here and orders replicated from the legacy schema. */
@Repository
public class OrderRepository {

    private static final String COLUMNS =
            "id, member_id, status, ordered_at, total_amount, shipping_address, updated_at";

    /**
     * A line with the order it belongs to (replicated lines may arrive before their order).
     *
     * @param orderId the order
     * @param line    the line
     */
    public record Line(long orderId, OrderLine line) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    OrderRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts a new order (id from AUTO_INCREMENT, above every replicated id) with its lines; returns the id. */
    public long insert(Order order) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO PURCHASE_ORDER (member_id, status, ordered_at, total_amount, shipping_address, updated_at)
                VALUES (:memberId, :status, :orderedAt, :total, :address, :updatedAt)""")
                .param("memberId", order.memberId()).param("status", order.status().name())
                .param("orderedAt", utc(order.orderedAt())).param("total", order.totalAmount())
                .param("address", order.shippingAddress()).param("updatedAt", utc(order.updatedAt()))
                .update(key, "id");
        long id = key.getKey().longValue();
        order.lines().forEach(line -> saveLine(id, line));
        return id;
    }

    /** Writes the order's own fields under its id, inserting the row if it is not there yet (lines untouched). */
    public void save(Order order) {
        saveAll(List.of(order));
    }

    /** {@link #save} for many orders in one JDBC batch (one multi-row statement with rewriteBatchedStatements). */
    public void saveAll(List<Order> orders) {
        if (orders.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO PURCHASE_ORDER (id, member_id, status, ordered_at, total_amount, shipping_address, updated_at)
                VALUES (:id, :memberId, :status, :orderedAt, :total, :address, :updatedAt)
                ON DUPLICATE KEY UPDATE member_id = VALUES(member_id), status = VALUES(status),
                       ordered_at = VALUES(ordered_at), total_amount = VALUES(total_amount),
                       shipping_address = VALUES(shipping_address), updated_at = VALUES(updated_at)""",
                orders.stream().map(order -> new MapSqlParameterSource().addValue("id", order.id())
                        .addValue("memberId", order.memberId()).addValue("status", order.status().name())
                        .addValue("orderedAt", utc(order.orderedAt())).addValue("total", order.totalAmount())
                        .addValue("address", order.shippingAddress()).addValue("updatedAt", utc(order.updatedAt())))
                        .toArray(SqlParameterSource[]::new));
    }

    public void saveLine(long orderId, OrderLine line) {
        saveLines(List.of(new Line(orderId, line)));
    }

    /** Upserts lines in one JDBC batch; a line keeps the reservation it was placed with. */
    public void saveLines(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO ORDER_LINE (order_id, seq, product_id, quantity, unit_price, reservation_id)
                VALUES (:orderId, :seq, :productId, :quantity, :price, :reservation)
                ON DUPLICATE KEY UPDATE product_id = VALUES(product_id), quantity = VALUES(quantity),
                       unit_price = VALUES(unit_price)""",
                lines.stream().map(line -> new MapSqlParameterSource().addValue("orderId", line.orderId())
                        .addValue("seq", line.line().seq()).addValue("productId", line.line().productId())
                        .addValue("quantity", line.line().quantity()).addValue("price", line.line().unitPrice())
                        .addValue("reservation", line.line().reservationId() == null ? null
                                : line.line().reservationId().toString()))
                        .toArray(SqlParameterSource[]::new));
    }

    /** Removes orders and their lines. */
    public void deleteAll(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM ORDER_LINE WHERE order_id IN (:ids)").param("ids", orderIds).update();
        jdbc.sql("DELETE FROM PURCHASE_ORDER WHERE id IN (:ids)").param("ids", orderIds).update();
    }

    public void deleteLines(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        batch.batchUpdate("DELETE FROM ORDER_LINE WHERE order_id = :orderId AND seq = :seq",
                lines.stream().map(line -> new MapSqlParameterSource().addValue("orderId", line.orderId())
                        .addValue("seq", line.line().seq())).toArray(SqlParameterSource[]::new));
    }

    public Optional<Order> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM PURCHASE_ORDER WHERE id = :id").param("id", id)
                .query(OrderRepository::order).optional().map(order -> order.withLines(linesOf(List.of(id))
                        .getOrDefault(id, List.of())));
    }

    /** The order, locked until the caller's transaction ends. */
    public Optional<Order> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM PURCHASE_ORDER WHERE id = :id FOR UPDATE").param("id", id)
                .query(OrderRepository::order).optional().map(order -> order.withLines(linesOf(List.of(id))
                        .getOrDefault(id, List.of())));
    }

    /** A member's orders, oldest first. */
    public List<Order> findByMember(long memberId) {
        List<Order> orders = jdbc.sql("SELECT " + COLUMNS + " FROM PURCHASE_ORDER WHERE member_id = :memberId ORDER BY id")
                .param("memberId", memberId).query(OrderRepository::order).list();
        if (orders.isEmpty()) {
            return orders;
        }
        Map<Long, List<OrderLine>> lines = linesOf(orders.stream().map(Order::id).toList());
        return orders.stream().map(order -> order.withLines(lines.getOrDefault(order.id(), List.of()))).toList();
    }

    private Map<Long, List<OrderLine>> linesOf(List<Long> orderIds) {
        return jdbc.sql("SELECT order_id, seq, product_id, quantity, unit_price, reservation_id FROM ORDER_LINE"
                        + " WHERE order_id IN (:ids) ORDER BY order_id, seq")
                .param("ids", orderIds)
                .query((row, n) -> Map.entry(row.getLong("order_id"), new OrderLine(row.getInt("seq"),
                        row.getLong("product_id"), row.getInt("quantity"), row.getBigDecimal("unit_price"),
                        row.getString("reservation_id") == null ? null : UUID.fromString(row.getString("reservation_id")))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Order order(ResultSet row, int rowNumber) throws SQLException {
        return new Order(row.getLong("id"), row.getLong("member_id"), OrderStatus.valueOf(row.getString("status")),
                instant(row, "ordered_at"), row.getBigDecimal("total_amount"), row.getString("shipping_address"),
                instant(row, "updated_at"), List.of());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
