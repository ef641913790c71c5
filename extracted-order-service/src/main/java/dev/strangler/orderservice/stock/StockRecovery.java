package dev.strangler.orderservice.stock;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Gives back stock that no committed order accounts for: reservations of a placement that crashed between the
 * monolith's answer and the order's commit, and give-backs that failed. Runs at start-up and then periodically;
 * only rows older than {@code stale-after} are touched, so placements in flight keep theirs.
 */
@Component
class StockRecovery implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(StockRecovery.class);

    private final StockKeeper stock;
    private final StockProperties.Recovery settings;

    StockRecovery(StockKeeper stock, StockProperties properties) {
        this.stock = stock;
        this.settings = properties.recovery();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, settings.interval(), Duration.ZERO));
    }

    void run() {
        try {
            int given = stock.giveBackOlderThan(settings.staleAfter());
            if (given > 0) {
                log.info("Recovery gave back {} stale stock hold(s)", given);
            }
        } catch (RuntimeException e) {
            log.warn("Stock recovery failed; it runs again in {}: {}", settings.interval(), e.getMessage());
        }
    }
}
