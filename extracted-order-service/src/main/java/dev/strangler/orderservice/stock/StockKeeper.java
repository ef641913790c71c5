package dev.strangler.orderservice.stock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock held at the monolith, with a record in order_db of every unit not yet accounted for by a committed order.
 * The record is written before the monolith is called, so a crash at any point leaves either nothing held or a
 * row that says what to give back.
 */
@Service
public class StockKeeper {

    private static final Logger log = LoggerFactory.getLogger(StockKeeper.class);

    private final PendingStockRepository pending;
    private final MonolithStockClient monolith;
    private final Clock clock = Clock.systemUTC();

    StockKeeper(PendingStockRepository pending, MonolithStockClient monolith) {
        this.pending = pending;
        this.monolith = monolith;
    }

    /** Records the intent (committed at once, outside any transaction), then reserves at the monolith. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ReservedStock reserve(PendingStock intent) {
        pending.insert(intent, clock.instant());
        return monolith.reserve(intent.operationId(), intent.productId(), intent.quantity());
    }

    public static PendingStock intent(long productId, int quantity) {
        return new PendingStock(UUID.randomUUID(), productId, quantity, PendingStock.Kind.RELEASE);
    }

    /**
     * In the order's transaction: the order now accounts for these units. Fails if the recovery job got to any
     * of them first (it gave them back), so that the order is not written without its stock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(List<PendingStock> held) {
        if (pending.delete(held.stream().map(PendingStock::operationId).toList()) != held.size()) {
            throw new StockUnavailableException("The stock held for this order was given back meanwhile; "
                    + "the order was not placed", null);
        }
    }

    /** In a cancelling transaction: these units must go back; the row makes sure they do, even after a crash. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void scheduleGiveBack(PendingStock units) {
        pending.insert(units, clock.instant());
    }

    /**
     * Gives the units back now if this caller is the one that takes the row; a failure puts the row back for the
     * recovery job. Never throws: callers use it on their way out of a failure, or after a commit.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void giveBack(PendingStock units) {
        if (pending.delete(List.of(units.operationId())) == 0) {
            return;
        }
        try {
            switch (units.kind()) {
                case RELEASE -> monolith.release(units.operationId(), units.productId());
                case RETURN -> monolith.returnStock(units.operationId(), units.productId(), units.quantity());
            }
        } catch (RuntimeException e) {
            log.warn("Could not give back {} unit(s) of product {} ({}); the recovery job will retry: {}",
                    units.quantity(), units.productId(), units.operationId(), e.getMessage());
            pending.insert(units, clock.instant());
        }
    }

    /** Gives back every unit held longer than {@code age} without a committed order; returns how many rows. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int giveBackOlderThan(Duration age) {
        Instant cutoff = clock.instant().minus(age);
        List<PendingStock> stale = pending.olderThan(cutoff);
        stale.forEach(this::giveBack);
        return stale.size();
    }
}
