package dev.strangler.cdc.operations;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A snapshot request the bridge cannot carry out as asked. */
class InvalidSnapshotRequestException extends ErrorResponseException {

    InvalidSnapshotRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create("https://strangler.dev/problems/invalid-snapshot-request"));
        problem.setTitle("Invalid snapshot request");
        return problem;
    }
}
