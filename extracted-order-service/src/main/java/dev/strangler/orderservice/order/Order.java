package dev.strangler.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order with its lines in {@code seq} order.
 *
 * @param id              the order number; replicated orders keep their legacy number
 * @param memberId        who ordered
 * @param status          where it is in its life
 * @param orderedAt       when it was placed
 * @param totalAmount     sum of the lines' amounts
 * @param shippingAddress where it goes
 * @param updatedAt       the last change
 * @param lines           the lines
 */
public record Order(long id, long memberId, OrderStatus status, Instant orderedAt, BigDecimal totalAmount,
                    String shippingAddress, Instant updatedAt, List<OrderLine> lines) {

    public Order withStatus(OrderStatus status, Instant at) {
        return new Order(id, memberId, status, orderedAt, totalAmount, shippingAddress, at, lines);
    }

    public Order withLines(List<OrderLine> lines) {
        return new Order(id, memberId, status, orderedAt, totalAmount, shippingAddress, updatedAt, lines);
    }
}
