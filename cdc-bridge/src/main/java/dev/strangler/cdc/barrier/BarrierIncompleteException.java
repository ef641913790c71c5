package dev.strangler.cdc.barrier;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A barrier that did not complete in time: some consumer had not applied everything committed before it. */
class BarrierIncompleteException extends ErrorResponseException {

    BarrierIncompleteException(Barrier barrier) {
        super(HttpStatus.GATEWAY_TIMEOUT, problem(barrier), null);
    }

    private static ProblemDetail problem(Barrier barrier) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                "Not every consumer had caught up after " + barrier.tookMillis() + " ms: " + barrier.lagging());
        problem.setType(URI.create("https://strangler.dev/problems/barrier-incomplete"));
        problem.setTitle("Barrier incomplete");
        problem.setProperty("watermark", barrier.watermark());
        problem.setProperty("tookMillis", barrier.tookMillis());
        problem.setProperty("groups", barrier.groups());
        problem.setProperty("lagging", barrier.lagging());
        return problem;
    }
}
