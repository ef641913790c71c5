package dev.strangler.monolith.product;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock API for the extracted order service: 201 for a new reservation, 200 for a retried one, 404 for an
 * unknown product, 409 {@code insufficient-stock}; releases and returns are idempotent.
 */
@RestController
@RequestMapping("/api/products/{productId}")
class StockReservationController {

    private final StockReservationService stock;

    StockReservationController(StockReservationService stock) {
        this.stock = stock;
    }

    @PostMapping("/stock-reservations")
    ResponseEntity<StockReservationResponse> reserve(@PathVariable long productId,
                                                     @Valid @RequestBody StockReservationRequest request) {
        return answer(productId, stock.reserve(productId, request.reservationId(), request.quantity()),
                "/stock-reservations/");
    }

    @DeleteMapping("/stock-reservations/{reservationId}")
    ResponseEntity<Void> release(@PathVariable long productId, @PathVariable String reservationId) {
        stock.release(productId, reservationId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/stock-returns")
    ResponseEntity<StockReservationResponse> giveBack(@PathVariable long productId,
                                                      @Valid @RequestBody StockReservationRequest request) {
        return answer(productId, stock.returnStock(productId, request.reservationId(), request.quantity()),
                "/stock-returns/");
    }

    private static ResponseEntity<StockReservationResponse> answer(long productId, StockReservationService.Outcome outcome,
                                                                   String path) {
        StockReservationResponse body = StockReservationResponse.from(outcome.reservation());
        if (!outcome.created()) {
            return ResponseEntity.status(HttpStatus.OK).body(body);
        }
        return ResponseEntity.created(URI.create("/api/products/" + productId + path + body.reservationId()))
                .body(body);
    }
}
