package dev.strangler.web.problem;

/**
 * One entry of the {@code errors} property of an invalid-request problem.
 *
 * @param field   the JSON field or request parameter, for example {@code items[0].quantity}
 * @param message why it was refused
 */
public record InvalidField(String field, String message) {
}
