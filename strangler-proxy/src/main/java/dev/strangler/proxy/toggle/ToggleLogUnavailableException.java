package dev.strangler.proxy.toggle;

import dev.strangler.proxy.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Kafka did not take the flip in time; whether it was written is unknown, so the caller should read and retry. */
public class ToggleLogUnavailableException extends ErrorResponseException {

    public ToggleLogUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.TOGGLE_LOG_UNAVAILABLE, "Toggle log unavailable",
                "The toggle log did not confirm the flip in time; read the route and retry if needed"), cause);
    }
}
