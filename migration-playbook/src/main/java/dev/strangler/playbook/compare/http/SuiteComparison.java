package dev.strangler.playbook.compare.http;

import dev.strangler.diff.ComparedResponse;
import dev.strangler.diff.Difference;
import dev.strangler.diff.ResponseComparator;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import dev.strangler.scenario.Mismatch;
import dev.strangler.scenario.RecordedResponse;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioResult;
import dev.strangler.scenario.StepResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pairs two runs of the same suite step by step and compares each pair of answers by the shared diff rules.
 *
 * <p>Each side ran its scenarios on its own, so ids and login ids differ by design. A path counts as a difference
 * only when it differs both as answered and with each side's run-specific values named: the first view alone would
 * flag every generated id, the second alone a small number that happens to equal an id on one side.
 */
final class SuiteComparison {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResponseComparator comparator;

    SuiteComparison(ResponseComparator comparator) {
        this.comparator = comparator;
    }

    List<StepComparison> compare(ScenarioReport legacy, ScenarioReport candidate) {
        if (legacy.scenarios().size() != candidate.scenarios().size()) {
            throw new IllegalArgumentException("the two runs are not of the same suite");
        }
        List<StepComparison> out = new ArrayList<>();
        for (int s = 0; s < legacy.scenarios().size(); s++) {
            ScenarioResult left = legacy.scenarios().get(s);
            ScenarioResult right = candidate.scenarios().get(s);
            RunSpecificValues leftValues = new RunSpecificValues(left.captured());
            RunSpecificValues rightValues = new RunSpecificValues(right.captured());
            for (int i = 0; i < left.steps().size(); i++) {
                out.add(compare(left.scenario().name(), i + 1, left.steps().get(i), right.steps().get(i),
                        leftValues, rightValues));
            }
        }
        return out;
    }

    private StepComparison compare(String scenario, int number, StepResult left, StepResult right,
                                   RunSpecificValues leftValues, RunSpecificValues rightValues) {
        RecordedResponse a = left.response();
        RecordedResponse b = right.response();
        if (a == null || b == null) {
            String reason = (a == null ? "legacy: " + whyNoAnswer(left) : "")
                    + (a == null && b == null ? "; " : "") + (b == null ? "candidate: " + whyNoAnswer(right) : "");
            return new StepComparison(scenario, number, left.step(), Verdict.NOT_COMPARED, status(a), status(b),
                    List.of(), reason);
        }
        Set<String> asAnswered = Difference.paths(comparator.differences(raw(a), raw(b)));
        List<Difference> differences = comparator.differences(neutral(a, leftValues), neutral(b, rightValues))
                .stream().filter(difference -> asAnswered.contains(difference.path())).toList();
        return new StepComparison(scenario, number, left.step(),
                differences.isEmpty() ? Verdict.IDENTICAL : Verdict.DIFFERING, a.status(), b.status(), differences,
                null);
    }

    private static String whyNoAnswer(StepResult result) {
        if (result.outcome() == StepResult.Outcome.SKIPPED) {
            return "skipped, an earlier step of the scenario failed there";
        }
        return result.mismatches().stream().findFirst().map(Mismatch::actual).orElse("gave no answer");
    }

    private static int status(RecordedResponse response) {
        return response == null ? 0 : response.status();
    }

    private static ComparedResponse raw(RecordedResponse response) {
        return new ComparedResponse(response.status(), response.headers(),
                response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static ComparedResponse neutral(RecordedResponse response, RunSpecificValues values) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().forEach((name, list) -> headers.put(name, list.stream().map(values::neutralise).toList()));
        return new ComparedResponse(response.status(), headers, neutralBody(response.body(), values)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String neutralBody(String body, RunSpecificValues values) {
        try {
            JsonNode tree = body.isBlank() ? null : JSON.readTree(body);
            return tree == null ? values.neutralise(body) : values.neutralise(tree).toString();
        } catch (JacksonException e) {
            return values.neutralise(body);
        }
    }
}
