package dev.strangler.proxy.toggle;

import dev.strangler.proxy.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The flip was refused because the toggle log did not take it in time, or because an earlier refused flip of the
 * route is not settled yet. Either way the route is as it was, and stays so; the caller may retry.
 */
public class ToggleLogUnavailableException extends ErrorResponseException {

    public ToggleLogUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.TOGGLE_LOG_UNAVAILABLE, "Toggle log unavailable",
                "The toggle log did not take the flip in time, so it was not applied and will not apply later; "
                        + "the route is as it was. Retry once Kafka is reachable"), cause);
    }

    public ToggleLogUnavailableException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.TOGGLE_LOG_UNAVAILABLE, "Toggle log unavailable", detail), null);
    }
}
