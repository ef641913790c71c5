package dev.strangler.monolith.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A row of TB_ORDER with its TB_ORDER_ITEM rows in ITEM_SEQ order. */
record Order(long id, long memberId, OrderStatus status, Instant orderedAt, BigDecimal totalAmount,
             String shippingAddress, List<OrderItem> items) {

    Order withItems(List<OrderItem> items) {
        return new Order(id, memberId, status, orderedAt, totalAmount, shippingAddress, items);
    }
}
