package dev.strangler.monolith.product;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the API shows it. */
record ProductResponse(long id, String name, BigDecimal unitPrice, int stockQuantity, Instant updatedAt) {

    static ProductResponse from(Product product) {
        return new ProductResponse(product.id(), product.name(), product.unitPrice(), product.stockQuantity(),
                product.updatedAt());
    }
}
