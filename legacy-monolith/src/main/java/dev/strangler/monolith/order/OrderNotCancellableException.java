package dev.strangler.monolith.order;

import dev.strangler.web.problem.ConflictException;
import dev.strangler.web.problem.ProblemTypes;

/** 409: only an ORDERED order can be cancelled; once paid it goes through the refund desk. */
class OrderNotCancellableException extends ConflictException {

    OrderNotCancellableException(long orderId, OrderStatus status) {
        super(ProblemTypes.ORDER_NOT_CANCELLABLE, "Order cannot be cancelled",
                "Order " + orderId + " is " + status + "; only ORDERED orders can be cancelled");
        property("orderId", orderId);
        property("status", status.name());
    }
}
