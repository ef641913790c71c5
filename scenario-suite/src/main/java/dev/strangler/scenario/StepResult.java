package dev.strangler.scenario;

import java.util.List;

/**
 * The outcome of one step.
 *
 * @param step       the step
 * @param sentPath   the path actually requested, placeholders resolved (null if never sent)
 * @param outcome    passed, failed or skipped (after an earlier failure in the same scenario)
 * @param mismatches why it failed
 * @param response   what came back; null when nothing did (skipped, not sent, no answer)
 */
public record StepResult(ScenarioStep step, String sentPath, Outcome outcome, List<Mismatch> mismatches,
                         RecordedResponse response) {

    public enum Outcome { PASSED, FAILED, SKIPPED }

    public StepResult {
        mismatches = List.copyOf(mismatches);
    }

    static StepResult skipped(ScenarioStep step) {
        return new StepResult(step, null, Outcome.SKIPPED, List.of(), null);
    }

    static StepResult error(ScenarioStep step, String sentPath, String reason) {
        return new StepResult(step, sentPath, Outcome.FAILED, List.of(new Mismatch("request", "a response", reason)),
                null);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** The response body, null when there was no response. */
    public String responseBody() {
        return response == null ? null : response.body();
    }
}
