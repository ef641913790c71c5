package dev.strangler.playbook.run;

import dev.strangler.playbook.KitException;
import dev.strangler.playbook.Polling;
import dev.strangler.playbook.check.Check;
import dev.strangler.playbook.check.Evidence;
import dev.strangler.playbook.check.Measurement;
import dev.strangler.playbook.check.Probes;
import java.time.Duration;
import java.util.Map;

/**
 * Measures a check against the running parts until it passes, fails for good, or its time ({@code within}) is up;
 * what is still pending then has failed.
 */
final class CheckRunner {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    private final Probes probes;

    CheckRunner(Probes probes) {
        this.probes = probes;
    }

    Evidence measure(Check check) {
        try {
            Measurement measurement = check.begin(probes);
            return Polling.until(check.timeLimit(), INTERVAL, () -> measure(check, measurement),
                    evidence -> evidence.verdict() != Evidence.Verdict.PENDING).whenTimeIsUp();
        } catch (KitException e) {
            return new Evidence(check.describe(), Evidence.Verdict.FAILED, Map.of(), e.getMessage());
        }
    }

    /**
     * One look, without waiting: what the check would see if it started now. A preview, never a verdict the playbook
     * acts on (a traffic check's window has only just begun, so it is usually still pending).
     */
    Evidence measureOnce(Check check) {
        try {
            return measure(check, check.begin(probes));
        } catch (KitException e) {
            return new Evidence(check.describe(), Evidence.Verdict.PENDING, Map.of(), e.getMessage());
        }
    }

    /** A part that cannot be reached now is pending, not a failure: it may be back within the check's time. */
    private static Evidence measure(Check check, Measurement measurement) {
        try {
            return measurement.now();
        } catch (KitException e) {
            return new Evidence(check.describe(), Evidence.Verdict.PENDING, Map.of(), e.getMessage());
        }
    }
}
