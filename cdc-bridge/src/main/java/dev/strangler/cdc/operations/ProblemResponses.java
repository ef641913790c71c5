package dev.strangler.cdc.operations;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every 4xx/5xx of the operations API as an RFC 9457 problem response. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {
}
