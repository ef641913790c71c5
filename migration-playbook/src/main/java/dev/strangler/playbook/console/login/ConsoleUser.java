package dev.strangler.playbook.console.login;

/**
 * The person signed in: the control token they gave, and who the proxy says it is.
 *
 * @param name  the token's name (the flips' audit records it as {@code by})
 * @param role  VIEWER or OPERATOR
 * @param token the token itself, presented to the parts' APIs on the person's behalf
 */
public record ConsoleUser(String name, String role, String token) {

    /** The request attribute holding the signed-in user. */
    public static final String ATTRIBUTE = "dev.strangler.console.user";

    public boolean operator() {
        return "OPERATOR".equals(role);
    }
}
