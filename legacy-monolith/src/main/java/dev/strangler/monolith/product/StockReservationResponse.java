package dev.strangler.monolith.product;

import java.math.BigDecimal;

/** A reservation as the API shows it; {@code unitPrice} is the product's price when the units were taken. */
record StockReservationResponse(String reservationId, long productId, int quantity, String status,
                                BigDecimal unitPrice) {

    static StockReservationResponse from(StockReservation reservation) {
        String status = switch (reservation.status()) {
            case StockReservation.RESERVED -> "RESERVED";
            case StockReservation.RELEASED -> "RELEASED";
            default -> "RETURNED";
        };
        return new StockReservationResponse(reservation.reservationId(), reservation.productId(),
                reservation.quantity(), status, reservation.unitPrice());
    }
}
