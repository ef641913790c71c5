package dev.strangler.playbook.run;

import java.util.Map;

/**
 * What a check measured: whether it held, the figures, and a sentence for people.
 *
 * @param check   the check, described
 * @param passed  whether it held
 * @param figures the measured values, by name
 * @param detail  why it did not hold, or a summary
 */
public record Evidence(String check, boolean passed, Map<String, Object> figures, String detail) {
}
