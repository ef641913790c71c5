package dev.strangler.orderservice.order.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/orders}, with the monolith's rules. Prices are not part of it. */
record PlaceOrderRequest(
        @NotNull @Positive Long memberId,
        @NotBlank @Size(max = 500) String shippingAddress,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull Line> items) {

    /** One line of the order. */
    record Line(@NotNull @Positive Long productId, @NotNull @Min(1) @Max(999) Integer quantity) {
    }
}
