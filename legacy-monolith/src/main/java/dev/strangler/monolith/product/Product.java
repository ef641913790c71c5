package dev.strangler.monolith.product;

import java.math.BigDecimal;
import java.time.Instant;

/** A row of TB_PRODUCT. */
public record Product(long id, String name, BigDecimal unitPrice, int stockQuantity, Instant updatedAt) {
}
