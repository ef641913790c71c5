package dev.strangler.playbook.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The window a traffic check judges: what happened since it began. Like Flagger's or Argo Rollouts' analysis, it
 * demands a minimum sample, keeps judging for the bake time, and fails at once when the threshold breaks on enough
 * evidence; too little traffic keeps it pending, and pending at the end of {@code within} is a failure.
 */
final class TrafficWindow {

    /** How long a traffic check waits for its sample when the playbook does not say. */
    static final Duration DEFAULT_WITHIN = Duration.ofMinutes(2);

    private final long startedNanos = System.nanoTime();
    private final Duration bake;

    TrafficWindow(Duration bake) {
        this.bake = bake;
    }

    /** What is wrong with a traffic check's settings, each in a sentence. */
    static List<String> problems(String type, String route, Double threshold, String thresholdField, Long minimum,
                                 String minimumField, String bake, String within) {
        List<String> problems = new ArrayList<>();
        if (route == null || threshold == null) {
            problems.add(type + " needs a route and " + thresholdField);
        }
        if (minimum != null && minimum < 1) {
            problems.add(type + ": " + minimumField + " must be at least 1; a gate never passes on nothing");
        }
        problems.addAll(Durations.problems("bake", bake));
        problems.addAll(Durations.problems("within", within));
        return problems;
    }

    /**
     * @param sample   what the window has seen (requests, compared answers)
     * @param needed   the minimum sample
     * @param unit     what the sample counts, for the message
     * @param holds    whether the threshold holds over the window
     * @param measured the measured figure as a sentence, e.g. {@code error rate 0.4 % over 250 requests}
     */
    Evidence judge(String check, long sample, long needed, String unit, boolean holds, String measured,
                   Map<String, Object> figures) {
        if (sample < needed) {
            return new Evidence(check, Evidence.Verdict.PENDING, figures,
                    "not enough evidence: " + sample + " of " + needed + " " + unit);
        }
        if (!holds) {
            return new Evidence(check, Evidence.Verdict.FAILED, figures, measured);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
        if (elapsed.compareTo(bake) < 0) {
            return new Evidence(check, Evidence.Verdict.PENDING, figures, measured + ", baking: "
                    + elapsed.toSeconds() + " s of " + bake.toSeconds() + " s");
        }
        return new Evidence(check, Evidence.Verdict.PASSED, figures, measured);
    }
}
