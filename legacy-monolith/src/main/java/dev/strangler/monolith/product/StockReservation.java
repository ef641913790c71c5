package dev.strangler.monolith.product;

import java.math.BigDecimal;

/**
 * A row of TB_STOCK_RESV, with the product's price when the units were taken (the caller prices its order line
 * with it, as the monolith's own orders do).
 */
record StockReservation(String reservationId, long productId, int quantity, String status, BigDecimal unitPrice) {

    static final String RESERVED = "R";
    static final String RELEASED = "X";
    static final String RETURNED = "T";
}
