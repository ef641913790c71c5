package dev.strangler.proxy.routing;

/**
 * The extracted side answered with a 5xx. Signalled as an error so that the circuit breaker counts it and a safe
 * request can fall back; an unsafe request still gets the service's own answer, since it was processed once.
 */
class ExtractedServerError extends RuntimeException {

    ExtractedServerError(int status) {
        super("The extracted service answered " + status, null, false, false);
    }
}
