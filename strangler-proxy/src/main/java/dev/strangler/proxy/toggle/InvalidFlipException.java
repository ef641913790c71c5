package dev.strangler.proxy.toggle;

import dev.strangler.proxy.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A flip that cannot be applied as asked (unknown mode, nothing to change); the route's state is unchanged. */
public class InvalidFlipException extends ErrorResponseException {

    public InvalidFlipException(String detail) {
        super(HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "Invalid flip", detail), null);
    }
}
