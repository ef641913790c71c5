package dev.strangler.monolith.order;

import java.math.BigDecimal;

/** A row of TB_ORDER_ITEM: the unit price is the product's price when the order was placed. */
record OrderItem(int seq, long productId, int quantity, BigDecimal unitPrice) {

    BigDecimal lineAmount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
