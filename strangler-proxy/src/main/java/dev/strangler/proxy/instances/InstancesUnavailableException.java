package dev.strangler.proxy.instances;

import dev.strangler.proxy.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A side of several instances could not answer a request. On the extracted side the route's fallback rules take it
 * from here (a safe request goes to the monolith); on the monolith's side it becomes the client's problem response.
 * The detail never names an instance: clients have no business knowing the topology.
 */
class InstancesUnavailableException extends ErrorResponseException {

    private InstancesUnavailableException(HttpStatus status, String detail, Throwable cause) {
        super(status, ProblemTypes.problem(status, ProblemTypes.UPSTREAM_UNAVAILABLE, "Upstream unavailable", detail),
                cause);
    }

    /** Discovery (or the health checks) left no instance. */
    static InstancesUnavailableException noInstance() {
        return new InstancesUnavailableException(HttpStatus.SERVICE_UNAVAILABLE,
                "No instance of the backend for this request is available; the request was sent nowhere", null);
    }

    /** Every instance was tried and none answered. */
    static InstancesUnavailableException noneAnswered(int tried, Throwable last) {
        return new InstancesUnavailableException(HttpStatus.BAD_GATEWAY,
                "None of the " + tried + " instances of the backend for this request answered", last);
    }

    /** The instance's connection failed once the request may have reached it: a write is never sent again. */
    static InstancesUnavailableException notRetried(Throwable cause) {
        return new InstancesUnavailableException(HttpStatus.BAD_GATEWAY,
                "The instance that took this request failed before answering; the request was not sent again, "
                        + "because it may have been processed", cause);
    }
}
