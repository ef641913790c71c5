package dev.strangler.control;

/**
 * The answer to one request's {@code Authorization} header.
 *
 * @param outcome whether it may go on, and if not, whether to answer 401 or 403
 * @param name    the token's name, for the audit; null when no token matched
 * @param role    the token's role, so a client (the console) can offer only what it may do; null when no token
 *                matched
 */
public record Access(Outcome outcome, String name, Role role) {

    public enum Outcome {
        /** The token is known and its role permits the method. */
        GRANTED,
        /** No token, or one nobody issued: 401. */
        UNAUTHENTICATED,
        /** A known token whose role does not permit the method (a viewer's write): 403. */
        FORBIDDEN
    }

    public boolean granted() {
        return outcome == Outcome.GRANTED;
    }
}
