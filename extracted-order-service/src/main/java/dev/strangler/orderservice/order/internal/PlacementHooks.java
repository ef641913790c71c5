package dev.strangler.orderservice.order.internal;

import dev.strangler.orderservice.stock.ReservedStock;
import java.util.List;

/**
 * Points in an order placement where tests can step in, for example to crash the service between the
 * monolith's reservations and the order's commit. No bean in production: the placement then runs straight through.
 */
public interface PlacementHooks {

    /** Called after every line's stock is reserved, before the order is written. */
    void afterStockReserved(List<ReservedStock> reserved);
}
