package dev.strangler.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 for an id that does not exist, or no longer does (a soft-deleted member). */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, problem(resource, id), null);
    }

    private static ProblemDetail problem(String resource, Object id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                resource + " " + id + " was not found");
        problem.setType(ProblemTypes.NOT_FOUND);
        problem.setTitle("Resource not found");
        return problem;
    }
}
