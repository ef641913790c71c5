package dev.strangler.orderservice.stock;

import java.util.UUID;

/**
 * Units held at the monolith that no committed order accounts for: they go back unless an order claims them.
 *
 * @param operationId the reservation id ({@code RELEASE}) or the return id ({@code RETURN})
 * @param productId   the product
 * @param quantity    the units
 * @param kind        how they go back
 */
public record PendingStock(UUID operationId, long productId, int quantity, Kind kind) {

    /** How held units go back to the monolith. */
    public enum Kind {
        /** Release the reservation of that id. */
        RELEASE,
        /** Return the units under that id (orders placed in the monolith have no reservation). */
        RETURN
    }
}
