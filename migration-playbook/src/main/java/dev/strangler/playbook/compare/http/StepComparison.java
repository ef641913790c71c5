package dev.strangler.playbook.compare.http;

import dev.strangler.diff.Difference;
import dev.strangler.scenario.ScenarioStep;
import java.util.List;

/**
 * One step of one scenario, as answered by both sides.
 *
 * @param scenario    the scenario's name
 * @param number      the step's position in its scenario, from 1
 * @param step        the step, with its request as written (placeholders unresolved, the same for both sides)
 * @param verdict     identical, differing, or not compared
 * @param legacy      the legacy side's status; 0 when it gave no answer
 * @param candidate   the candidate side's status; 0 when it gave no answer
 * @param differences where the answers differ, run-specific values named (empty unless differing)
 * @param reason      why the step was not compared (null otherwise)
 */
record StepComparison(String scenario, int number, ScenarioStep step, Verdict verdict, int legacy, int candidate,
                      List<Difference> differences, String reason) {

    enum Verdict { IDENTICAL, DIFFERING, NOT_COMPARED }

    StepComparison {
        differences = List.copyOf(differences);
    }

    String title() {
        return scenario + " / " + number + ". " + step.name();
    }

    String request() {
        return step.request().method() + " " + step.request().path();
    }
}
