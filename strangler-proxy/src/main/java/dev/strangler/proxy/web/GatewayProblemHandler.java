package dev.strangler.proxy.web;

import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shapes the gateway's own errors (413, an extracted service that may not be retried, an unreachable monolith)
 * as RFC 9457 problem responses. Controller advice never sees them: they happen in the filter chain, before or
 * instead of any handler. Runs before Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class GatewayProblemHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

    private final JsonMapper json;

    GatewayProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ErrorResponse errorResponse) {
            response.getHeaders().addAll(errorResponse.getHeaders()); // e.g. Retry-After of a held write
        }
        ProblemDetail problem = problemFor(exchange, error);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return ProblemResponses.write(exchange, problem, json);
    }

    private static ProblemDetail problemFor(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ErrorResponse errorResponse) {
            ProblemDetail problem = errorResponse.getBody();
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemTypes.forStatus(errorResponse.getStatusCode()));
            }
            return problem;
        }
        if (causedBy(error, ConnectException.class)) {
            return ProblemTypes.problem(HttpStatus.BAD_GATEWAY, ProblemTypes.UPSTREAM_UNAVAILABLE,
                    "Upstream unavailable", "The backend for this request could not be reached");
        }
        if (causedBy(error, TimeoutException.class)) {
            return ProblemTypes.problem(HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.UPSTREAM_TIMEOUT,
                    "Upstream timeout", "The backend for this request did not answer in time");
        }
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                error);
        return ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
                "Internal error", "An unexpected error occurred in the proxy; it has been logged");
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
