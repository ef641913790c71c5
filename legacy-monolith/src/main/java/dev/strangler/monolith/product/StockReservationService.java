package dev.strangler.monolith.product;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock for callers outside the monolith (the extracted order service): take units under a reservation id,
 * give them back by releasing it. Each call is one transaction and idempotent per reservation id.
 */
@Service
@Transactional
class StockReservationService {

    private final StockReservationRepository reservations;
    private final ProductService products;

    StockReservationService(StockReservationRepository reservations, ProductService products) {
        this.reservations = reservations;
        this.products = products;
    }

    /** The reservation, and whether this call created it (false: a retry of an earlier call). */
    record Outcome(StockReservation reservation, boolean created) {
    }

    Outcome reserve(long productId, String reservationId, int quantity) {
        Product product = products.get(productId);
        try {
            // The row first: it claims the id, so a concurrent retry waits on it and then finds it taken.
            reservations.insert(reservationId, productId, quantity, StockReservation.RESERVED);
        } catch (DuplicateKeyException e) {
            return new Outcome(existing(reservationId, product), false);
        }
        // Same conditional decrement as the monolith's own orders; throws (and rolls back the row) when short.
        Product reserved = products.reserveStock(productId, quantity);
        return new Outcome(new StockReservation(reservationId, productId, quantity, StockReservation.RESERVED,
                reserved.unitPrice()), true);
    }

    /** Gives the units back once; releasing an unknown or already released reservation changes nothing. */
    void release(long productId, String reservationId) {
        products.get(productId);
        if (reservations.release(reservationId, productId)) {
            products.restoreStock(productId, reservations.quantity(reservationId));
        }
    }

    /** Gives units back for an order that took them before reservations existed; once per return id. */
    Outcome returnStock(long productId, String returnId, int quantity) {
        Product product = products.get(productId);
        try {
            reservations.insert(returnId, productId, quantity, StockReservation.RETURNED);
        } catch (DuplicateKeyException e) {
            return new Outcome(existing(returnId, product), false);
        }
        products.restoreStock(productId, quantity);
        return new Outcome(new StockReservation(returnId, productId, quantity, StockReservation.RETURNED,
                product.unitPrice()), true);
    }

    private StockReservation existing(String id, Product product) {
        return reservations.find(id, product.unitPrice()).orElseThrow();
    }
}
