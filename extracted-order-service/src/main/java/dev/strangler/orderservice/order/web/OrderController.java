package dev.strangler.orderservice.order.web;

import dev.strangler.orderservice.order.internal.NewOrderLine;
import dev.strangler.orderservice.order.internal.OrderService;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/orders/**} and {@code /api/members/{id}/orders}, with the monolith's contract. */
@RestController
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/api/orders")
    ResponseEntity<OrderResponse> place(@Valid @RequestBody PlaceOrderRequest request) {
        OrderResponse order = OrderResponse.from(orders.place(request.memberId(), request.shippingAddress(),
                request.items().stream().map(line -> new NewOrderLine(line.productId(), line.quantity())).toList()));
        return ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(order);
    }

    @GetMapping("/api/orders/{id}")
    OrderResponse get(@PathVariable long id) {
        return OrderResponse.from(orders.get(id));
    }

    @GetMapping("/api/members/{memberId}/orders")
    List<OrderResponse> ofMember(@PathVariable long memberId) {
        return orders.ofMember(memberId).stream().map(OrderResponse::from).toList();
    }

    @PostMapping("/api/orders/{id}/cancel")
    OrderResponse cancel(@PathVariable long id) {
        return OrderResponse.from(orders.cancel(id));
    }
}
