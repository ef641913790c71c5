package dev.strangler.playbook.seed;

import java.time.Duration;

/**
 * What a seeding run wrote and how fast.
 *
 * @param members    TB_MEMBER rows
 * @param products   TB_PRODUCT rows
 * @param orders     TB_ORDER rows
 * @param orderItems TB_ORDER_ITEM rows
 * @param elapsed    wall-clock time of the inserts
 */
public record SeedReport(long members, long products, long orders, long orderItems, Duration elapsed) {

    public long rows() {
        return members + products + orders + orderItems;
    }

    public long rowsPerSecond() {
        return Math.round(rows() / Math.max(elapsed.toNanos() / 1e9, 1e-3));
    }

    public String summary() {
        return String.format("Seeded %,d members, %,d products, %,d orders (%,d items): %,d rows in %.1f s, %,d rows/s",
                members, products, orders, orderItems, rows(), elapsed.toMillis() / 1000.0, rowsPerSecond());
    }
}
