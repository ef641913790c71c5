package dev.strangler.monolith.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/products/{id}/stock-reservations} and {@code .../stock-returns}: the caller's id of the
 * operation (a UUID, which makes a retry harmless) and the number of units.
 */
record StockReservationRequest(
        @NotNull @Pattern(regexp = UUID, message = "must be a UUID") String reservationId,
        @NotNull @Min(1) @Max(1_000_000) Integer quantity) {

    static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
}
