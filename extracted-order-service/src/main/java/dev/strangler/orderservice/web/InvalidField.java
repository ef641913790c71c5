package dev.strangler.orderservice.web;

/**
 * One entry of the {@code errors} property of an invalid-request problem.
 *
 * @param field   the JSON field or request parameter
 * @param message why it was refused
 */
public record InvalidField(String field, String message) {
}
