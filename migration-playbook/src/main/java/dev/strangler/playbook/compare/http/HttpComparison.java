package dev.strangler.playbook.compare.http;

import dev.strangler.diff.DiffRules;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.StepResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of {@code kit compare http}: every step of the suite, as answered by both sides.
 *
 * @param legacy          the legacy base URL
 * @param candidate       the candidate base URL
 * @param scenarios       the directory the suite came from
 * @param rules           the diff rules the answers were compared by
 * @param finishedAt      when both runs had finished
 * @param scenarioCount   how many scenarios ran on each side
 * @param steps           every step, in suite order
 * @param legacyFailed    steps that failed the scenario's own checks on the legacy side (expectation not met, or
 *                        no answer)
 * @param candidateFailed the same on the candidate side
 */
record HttpComparison(URI legacy, URI candidate, Path scenarios, DiffRules rules, Instant finishedAt,
                      int scenarioCount, List<StepComparison> steps, long legacyFailed, long candidateFailed) {

    HttpComparison {
        steps = List.copyOf(steps);
    }

    static HttpComparison of(URI legacy, URI candidate, Path scenarios, DiffRules rules, Instant finishedAt,
                             ScenarioReport legacyRun, ScenarioReport candidateRun, List<StepComparison> steps) {
        return new HttpComparison(legacy, candidate, scenarios, rules, finishedAt, legacyRun.scenarios().size(),
                steps, legacyRun.count(StepResult.Outcome.FAILED), candidateRun.count(StepResult.Outcome.FAILED));
    }

    long count(Verdict verdict) {
        return steps.stream().filter(step -> step.verdict() == verdict).count();
    }

    List<StepComparison> with(Verdict verdict) {
        return steps.stream().filter(step -> step.verdict() == verdict).toList();
    }

    /** Every step was answered by both sides, and alike. */
    boolean identical() {
        return count(Verdict.IDENTICAL) == steps.size();
    }

    String summary() {
        return String.format("%d scenarios, %d steps: %d compared, %d identical, %d differing, %d not compared "
                        + "(no answer from a side, or skipped there after a failed step)",
                scenarioCount, steps.size(), steps.size() - count(Verdict.NOT_COMPARED), count(Verdict.IDENTICAL),
                count(Verdict.DIFFERING), count(Verdict.NOT_COMPARED));
    }

    String scenarioChecks() {
        return String.format("steps failing the scenarios' own checks (expectation not met, or no answer): "
                + "legacy %d, candidate %d", legacyFailed, candidateFailed);
    }
}
