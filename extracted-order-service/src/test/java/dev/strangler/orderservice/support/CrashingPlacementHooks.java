package dev.strangler.orderservice.support;

import dev.strangler.orderservice.order.internal.PlacementHooks;
import dev.strangler.orderservice.stock.ReservedStock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a test kill an order placement between the monolith's reservations and the order's commit. An Error, not
 * an exception: like a process dying, it skips the service's own compensation.
 */
public class CrashingPlacementHooks implements PlacementHooks {

    /** What the test sees instead of the process dying. */
    public static class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after the stock was reserved");
        }
    }

    private final AtomicBoolean crashNext = new AtomicBoolean();

    public void crashNextPlacement() {
        crashNext.set(true);
    }

    @Override
    public void afterStockReserved(List<ReservedStock> reserved) {
        if (crashNext.getAndSet(false)) {
            throw new SimulatedCrash();
        }
    }
}
