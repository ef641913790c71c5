package dev.strangler.orderservice.order;

import dev.strangler.service.outbox.OutboxEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What happened to an order, for the outbox. The payload is the order's full state after the change. */
public sealed interface OrderEvent extends OutboxEvent permits OrderEvent.OrderPlaced, OrderEvent.OrderCancelled {

    Order order();

    @Override
    default String aggregateType() {
        return "Order";
    }

    @Override
    default String aggregateId() {
        return Long.toString(order().id());
    }

    @Override
    default Object payload() {
        return State.of(order());
    }

    /** A member placed an order through the service. */
    record OrderPlaced(Order order) implements OrderEvent {
    }

    /** An ORDERED order was cancelled; its stock goes back. */
    record OrderCancelled(Order order) implements OrderEvent {
    }

    /** The payload's field names are the contract with the bridge's reverse path: keep them as they are. */
    record State(long id, long memberId, String status, Instant orderedAt, BigDecimal totalAmount,
                 String shippingAddress, Instant updatedAt, List<Item> items) {

        record Item(int seq, long productId, int quantity, BigDecimal unitPrice) {
        }

        static State of(Order o) {
            return new State(o.id(), o.memberId(), o.status().name(), o.orderedAt(), o.totalAmount(),
                    o.shippingAddress(), o.updatedAt(), o.lines().stream()
                    .map(l -> new Item(l.seq(), l.productId(), l.quantity(), l.unitPrice())).toList());
        }
    }
}
