package dev.strangler.playbook.check;

import java.util.Map;

/**
 * What a check measured: the verdict, the figures, and a sentence for people.
 *
 * @param check   the check, described
 * @param verdict passed, failed (for good: a threshold broken on enough evidence), or pending (not yet: too little
 *                evidence, or a condition that may still come true)
 * @param figures the measured values, by name
 * @param detail  why it did not hold, or a summary
 */
public record Evidence(String check, Verdict verdict, Map<String, Object> figures, String detail) {

    public enum Verdict { PASSED, FAILED, PENDING }

    public static Evidence of(String check, boolean passed, Map<String, Object> figures, String detail) {
        return new Evidence(check, passed ? Verdict.PASSED : Verdict.PENDING, figures, detail);
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** The same evidence once time is up: what was still pending has failed. */
    public Evidence whenTimeIsUp() {
        return verdict == Verdict.PENDING ? new Evidence(check, Verdict.FAILED, figures, detail) : this;
    }
}
