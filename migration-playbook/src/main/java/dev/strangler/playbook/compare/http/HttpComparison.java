package dev.strangler.playbook.compare.http;

import dev.strangler.diff.DiffRules;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of {@code kit compare http}: every request, as answered by both sides.
 *
 * @param source     where the requests and the other side's answers came from
 * @param candidate  the candidate base URL
 * @param rules      the diff rules the answers were compared by
 * @param finishedAt when the comparison had finished
 * @param steps      every request, in order
 */
record HttpComparison(ComparisonSource source, URI candidate, DiffRules rules, Instant finishedAt,
                      List<StepComparison> steps) {

    HttpComparison {
        steps = List.copyOf(steps);
    }

    long count(Verdict verdict) {
        return steps.stream().filter(step -> step.verdict() == verdict).count();
    }

    List<StepComparison> with(Verdict verdict) {
        return steps.stream().filter(step -> step.verdict() == verdict).toList();
    }

    /** Every request was answered on both sides, and alike. */
    boolean identical() {
        return count(Verdict.IDENTICAL) == steps.size();
    }

    String summary() {
        return String.format("%s: %d compared, %d identical, %d differing, %d not compared (%s)",
                source.counted(steps.size()), steps.size() - count(Verdict.NOT_COMPARED), count(Verdict.IDENTICAL),
                count(Verdict.DIFFERING), count(Verdict.NOT_COMPARED), source.notComparedMeans());
    }
}
