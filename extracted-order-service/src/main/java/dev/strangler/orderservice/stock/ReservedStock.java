package dev.strangler.orderservice.stock;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Units held for one order line at the monolith.
 *
 * @param reservationId the id the service chose for the reservation
 * @param productId     the product
 * @param quantity      units held
 * @param unitPrice     the product's price when the units were taken: the order line's price
 */
public record ReservedStock(UUID reservationId, long productId, int quantity, BigDecimal unitPrice) {
}
