package dev.strangler.proxy.routing;

import dev.strangler.proxy.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The extracted side failed and the request may not fall back (an unsafe method, or a route without fallback). */
class ExtractedUnavailableException extends ErrorResponseException {

    ExtractedUnavailableException(String route, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.EXTRACTED_UNAVAILABLE, "Extracted service unavailable",
                "The service behind route '" + route + "' did not answer; the request was not retried, "
                        + "because it may not be safe to send twice"), cause);
        getBody().setProperty("route", route);
    }
}
