package dev.strangler.playbook.seed;

import java.time.LocalDateTime;

/**
 * What {@code kit seed} adds to legacy_db.
 *
 * @param members   members to add
 * @param orders    orders to add, each for one of the members and with 1-3 of the products added in the same run
 * @param products  products to add
 * @param seed      the random seed: the same plan and seed give the same names, prices and orders
 * @param batchSize rows per JDBC batch and per commit
 */
public record SeedPlan(int members, int orders, int products, long seed, int batchSize) {

    /**
     * Seeded history ends here rather than at "now", so that a seed gives the same rows whenever it runs. Join and
     * order dates spread over the ten years before it.
     */
    public static final LocalDateTime HISTORY_END = LocalDateTime.of(2026, 11, 1, 0, 0);

    public SeedPlan {
        if (members < 0 || orders < 0 || products < 0) {
            throw new IllegalArgumentException("--members, --orders and --products must not be negative");
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("--batch-size must be between 1 and 100000, was " + batchSize);
        }
        if (orders > 0 && (members == 0 || products == 0)) {
            throw new IllegalArgumentException("orders need members and products of the same run: "
                    + "use --members and --products above 0, or --orders 0");
        }
    }
}
