package dev.strangler.playbook.seed;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One TB_ORDER row and its TB_ORDER_ITEM rows to insert. Amounts are in cents so the total is exact.
 */
record SeedOrder(long id, long memberId, String statusCode, LocalDateTime orderedAt, LocalDateTime updatedAt,
                 String shippingAddress, List<Item> items) {

    record Item(int seq, long productId, int quantity, long unitPriceCents) {
    }

    long totalCents() {
        return items.stream().mapToLong(item -> item.unitPriceCents() * item.quantity()).sum();
    }
}
