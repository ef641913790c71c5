package dev.strangler.orderservice.order;

/** Where an order is in its life. Only ORDERED orders can be cancelled; PAID and SHIPPED come from elsewhere. */
public enum OrderStatus {
    ORDERED, PAID, SHIPPED, CANCELLED
}
