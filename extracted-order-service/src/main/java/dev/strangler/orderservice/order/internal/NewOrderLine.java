package dev.strangler.orderservice.order.internal;

/**
 * A line as a member asks for it; the price comes from the product when the stock is taken.
 *
 * @param productId the product
 * @param quantity  units
 */
public record NewOrderLine(long productId, int quantity) {
}
