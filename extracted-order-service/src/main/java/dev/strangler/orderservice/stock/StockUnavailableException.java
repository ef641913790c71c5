package dev.strangler.orderservice.stock;

import dev.strangler.web.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 503: the monolith's stock API did not answer in time, failed, or its circuit is open. The order was not placed;
 * any units taken for it are given back. (The monolith itself has no such state: its stock is in-process.)
 */
public class StockUnavailableException extends ErrorResponseException {

    StockUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setType(ProblemTypes.STOCK_UNAVAILABLE);
        problem.setTitle("Stock unavailable");
        return problem;
    }
}
