package dev.strangler.monolith.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderStatusTests {

    @Test
    void theLegacyCodesAreTheDocumentedOnes() {
        assertThat(OrderStatus.fromCode("10")).isEqualTo(OrderStatus.ORDERED);
        assertThat(OrderStatus.fromCode("20")).isEqualTo(OrderStatus.PAID);
        assertThat(OrderStatus.fromCode("30")).isEqualTo(OrderStatus.SHIPPED);
        assertThat(OrderStatus.fromCode("90")).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void anUnknownCodeNamesTheColumn() {
        assertThatThrownBy(() -> OrderStatus.fromCode("40")).hasMessageContaining("ORD_STAT_CD '40'");
    }
}
