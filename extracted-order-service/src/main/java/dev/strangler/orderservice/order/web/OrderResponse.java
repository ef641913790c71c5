package dev.strangler.orderservice.order.web;

import dev.strangler.orderservice.order.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the monolith's API shows it (the contract): no {@code updatedAt}, no reservation ids. */
record OrderResponse(long id, long memberId, String status, Instant orderedAt, BigDecimal totalAmount,
                     String shippingAddress, List<Item> items) {

    record Item(int seq, long productId, int quantity, BigDecimal unitPrice) {
    }

    static OrderResponse from(Order order) {
        return new OrderResponse(order.id(), order.memberId(), order.status().name(), order.orderedAt(),
                order.totalAmount(), order.shippingAddress(), order.lines().stream()
                .map(line -> new Item(line.seq(), line.productId(), line.quantity(), line.unitPrice())).toList());
    }
}
