package dev.strangler.orderservice.order;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One line of an order.
 *
 * @param seq           1-based position in the order
 * @param productId     the product
 * @param quantity      units
 * @param unitPrice     the product's price when the order was placed
 * @param reservationId the monolith's stock reservation behind the line; null for orders placed in the monolith
 */
public record OrderLine(int seq, long productId, int quantity, BigDecimal unitPrice, UUID reservationId) {

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
