package dev.strangler.proxy.toggle;

/**
 * A requested flip: a new mode, a new canary percentage, or both (null leaves that part as it is).
 *
 * @param mode    the new mode's name, or null to keep the mode
 * @param percent the new canary percentage, or null to keep it
 * @param reason  why (required: it goes into the audit history)
 * @param by      who is asking
 */
public record FlipCommand(String mode, Double percent, String reason, String by) {
}
