package dev.strangler.proxy.admin;

import dev.strangler.proxy.web.ProblemTypes;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Every admin API error as an RFC 9457 problem with a stable {@code type}: field errors for invalid flips, one line
 * for malformed JSON, and never a stack trace.
 */
@RestControllerAdvice(assignableTypes = AdminRoutesController.class)
class AdminProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AdminProblemHandler.class);

    /** One invalid field of a request body. */
    record InvalidField(String field, String message) {
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<InvalidField> errors = ex.getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(InvalidField::field)).toList();
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "Invalid request", errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        // The decoder's message names internal classes and offsets: keep it in the log, give the client one line.
        log.debug("Unreadable admin request", ex);
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                "Malformed request", "The request body is missing or is not valid JSON of the expected shape");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
        log.error("Unexpected admin API error on {}", exchange.getRequest().getPath(), ex);
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
                "Internal error", "An unexpected error occurred; it has been logged");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemTypes.forStatus(status));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }
}
