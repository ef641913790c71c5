package dev.strangler.monolith.product;

import dev.strangler.web.problem.ConflictException;
import dev.strangler.web.problem.ProblemTypes;

/** 409: an order asked for more units than are in stock; the whole order was rolled back. */
public class InsufficientStockException extends ConflictException {

    InsufficientStockException(long productId, int requested, int available) {
        super(ProblemTypes.INSUFFICIENT_STOCK, "Insufficient stock", "Product " + productId + " has " + available
                + " unit(s) in stock, " + requested + " requested");
        property("productId", productId);
        property("requested", requested);
        property("available", available);
    }
}
