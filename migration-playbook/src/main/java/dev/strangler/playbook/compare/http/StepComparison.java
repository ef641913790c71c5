package dev.strangler.playbook.compare.http;

import dev.strangler.diff.Difference;
import java.util.List;

/**
 * One request, as answered on both sides: a step of a scenario, or a recorded exchange replayed.
 *
 * @param title         where it comes from: {@code scenario / 2. step name}, or {@code route / line 3}
 * @param request       method and path, as written in the scenario or recorded
 * @param verdict       identical, differing, or not compared
 * @param legacy        the legacy (or recorded) answer's status; 0 when there was none
 * @param candidate     the candidate's status; 0 when it gave no answer
 * @param differences   where the answers differ (empty unless differing)
 * @param reason        why it was not compared (null otherwise)
 * @param legacyBody    the legacy (or recorded) answer's body, for the HTML report; empty when none
 * @param candidateBody the candidate's body; empty when none
 */
record StepComparison(String title, String request, Verdict verdict, int legacy, int candidate,
                      List<Difference> differences, String reason, String legacyBody, String candidateBody) {

    enum Verdict { IDENTICAL, DIFFERING, NOT_COMPARED }

    StepComparison {
        differences = List.copyOf(differences);
        legacyBody = legacyBody == null ? "" : legacyBody;
        candidateBody = candidateBody == null ? "" : candidateBody;
    }

    /** Not compared, for the reason given. */
    static StepComparison notCompared(String title, String request, int legacy, int candidate, String reason) {
        return new StepComparison(title, request, Verdict.NOT_COMPARED, legacy, candidate, List.of(), reason, "", "");
    }

    /** Compared: identical when there are no differences. */
    static StepComparison compared(String title, String request, int legacy, int candidate,
                                   List<Difference> differences, String legacyBody, String candidateBody) {
        return new StepComparison(title, request, differences.isEmpty() ? Verdict.IDENTICAL : Verdict.DIFFERING,
                legacy, candidate, differences, null, legacyBody, candidateBody);
    }
}
