package dev.strangler.monolith.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it: the status spelled out, amounts with two decimals, UTC timestamps. */
record OrderResponse(long id, long memberId, String status, Instant orderedAt, BigDecimal totalAmount,
                     String shippingAddress, List<Item> items) {

    record Item(int seq, long productId, int quantity, BigDecimal unitPrice) {
    }

    static OrderResponse from(Order order) {
        return new OrderResponse(order.id(), order.memberId(), order.status().name(), order.orderedAt(),
                order.totalAmount(), order.shippingAddress(), order.items().stream()
                .map(item -> new Item(item.seq(), item.productId(), item.quantity(), item.unitPrice())).toList());
    }
}
