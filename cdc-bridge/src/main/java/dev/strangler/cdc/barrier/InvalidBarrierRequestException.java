package dev.strangler.cdc.barrier;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A barrier request with a wait that is not a duration. */
class InvalidBarrierRequestException extends ErrorResponseException {

    InvalidBarrierRequestException(String wait) {
        super(HttpStatus.BAD_REQUEST, problem(wait), null);
    }

    private static ProblemDetail problem(String wait) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "wait must be a duration such as 500ms or 5s, not '" + wait + "'");
        problem.setType(URI.create("https://strangler.dev/problems/invalid-request"));
        problem.setTitle("Invalid request");
        return problem;
    }
}
