package dev.strangler.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the request is valid but the current state refuses it. Each kind has its own problem type. */
public abstract class ConflictException extends ErrorResponseException {

    protected ConflictException(URI type, String title, String detail) {
        super(HttpStatus.CONFLICT, problem(type, title, detail), null);
    }

    private static ProblemDetail problem(URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** Adds a machine-readable property to the problem body, for example the product that ran out. */
    protected final void property(String name, Object value) {
        getBody().setProperty(name, value);
    }
}
