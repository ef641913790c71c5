package dev.strangler.cdc.operations;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request named a table the bridge does not capture. */
class UnknownTableException extends ErrorResponseException {

    UnknownTableException(String table) {
        super(HttpStatus.NOT_FOUND, problem(table), null);
    }

    private static ProblemDetail problem(String table) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The bridge does not capture " + table + "; see kit.cdc.tables");
        problem.setType(URI.create("https://strangler.dev/problems/unknown-table"));
        problem.setTitle("Unknown table");
        problem.setProperty("table", table);
        return problem;
    }
}
