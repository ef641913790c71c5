package dev.strangler.proxy.hold;

import dev.strangler.proxy.web.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A write waited longer than allowed while its route's writes were held; it was sent nowhere, so a retry is safe. */
class WritesHeldException extends ErrorResponseException {

    WritesHeldException(String route, Duration waited) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.WRITES_HELD, "Writes held",
                "Writes to route '" + route + "' are held for a cut-over and this request waited " + waited.toMillis()
                        + " ms; it was not sent anywhere, so it is safe to retry"), null);
        getBody().setProperty("route", route);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }
}
