package dev.strangler.playbook.console.playbook;

/**
 * A playbook step as the page lists it.
 *
 * @param id        its id
 * @param title     its title
 * @param state     "applied", "next" or "pending"
 * @param appliedAt when it was applied, or null
 */
public record StepRow(String id, String title, String state, String appliedAt) {
}
