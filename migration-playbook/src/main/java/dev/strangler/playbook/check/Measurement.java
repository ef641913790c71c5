package dev.strangler.playbook.check;

/** A check being measured: each call measures again, from what the check's begin took. */
@FunctionalInterface
public interface Measurement {

    /** The evidence now: passed, failed for good, or pending (keep measuring until the check's time is up). */
    Evidence now();
}
