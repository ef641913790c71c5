package dev.strangler.playbook.compare.http;

import dev.strangler.diff.ComparedResponse;
import dev.strangler.diff.DiffRules;
import dev.strangler.diff.Difference;
import dev.strangler.diff.JsonPathPattern;
import dev.strangler.diff.ResponseComparator;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pairs two runs of the same suite step by step and compares each pair of answers by the shared diff rules, after
 * the candidate's run-specific values (its unique token, its captured ids) are lined up with the legacy run's: each
 * side ran its scenarios on its own, so those differ by design.
 */
final class SuiteComparison {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ResponseComparator comparator;
    private final List<JsonPathPattern> ignored;
    private final List<JsonPathPattern> unordered;

    SuiteComparison(DiffRules rules) {
        this.comparator = new ResponseComparator(rules, JSON);
        this.ignored = JsonPathPattern.all(rules.ignorePaths());
        this.unordered = JsonPathPattern.all(rules.unorderedArrays());
    }

    List<StepComparison> compare(ScenarioReport legacy, ScenarioReport candidate) {
        if (legacy.scenarios().size() != candidate.scenarios().size()) {
            throw new IllegalArgumentException("the two runs are not of the same suite");
        }
        List<StepComparison> out = new ArrayList<>();
        for (int s = 0; s < legacy.scenarios().size(); s++) {
            ScenarioResult left = legacy.scenarios().get(s);
            ScenarioResult right = candidate.scenarios().get(s);
            RunSpecificValues values = new RunSpecificValues(left.captured(), right.captured(), ignored,
                    unordered);
            for (int i = 0; i < left.steps().size(); i++) {
                out.add(compare(left.scenario().name(), i + 1, left.steps().get(i), right.steps().get(i), values));
            }
        }
        return out;
    }

    private StepComparison compare(String scenario, int number, StepResult left, StepResult right,
                                   RunSpecificValues values) {
        String title = scenario + " / " + number + ". " + left.step().name();
        String request = left.step().request().method() + " " + left.step().request().path();
        RecordedResponse a = left.response();
        RecordedResponse b = right.response();
        if (a == null || b == null) {
            String reason = (a == null ? "legacy: " + whyNoAnswer(left) : "")
                    + (a == null && b == null ? "; " : "") + (b == null ? "candidate: " + whyNoAnswer(right) : "");
            return StepComparison.notCompared(title, request, status(a), status(b), reason);
        }
        List<Difference> differences = comparator.differences(
                new ComparedResponse(a.status(), a.headers(), bytes(a.body())), aligned(a, b, values));
        return StepComparison.compared(title, request, a.status(), b.status(), differences, a.body(), b.body());
    }

    private static ComparedResponse aligned(RecordedResponse legacy, RecordedResponse candidate,
                                            RunSpecificValues values) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        candidate.headers().forEach((name, list) -> {
            List<String> legacyValues = legacy.headers().getOrDefault(name, List.of());
            List<String> aligned = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                aligned.add(i < legacyValues.size() ? values.align(legacyValues.get(i), list.get(i)) : list.get(i));
            }
            headers.put(name, aligned);
        });
        return new ComparedResponse(candidate.status(), headers, bytes(alignedBody(legacy.body(), candidate.body(),
                values)));
    }

    /** JSON is lined up value by value; anything else as text. */
    private static String alignedBody(String legacy, String candidate, RunSpecificValues values) {
        JsonNode legacyJson = parse(legacy);
        JsonNode candidateJson = parse(candidate);
        if (legacyJson == null || candidateJson == null) {
            return values.align(legacy, candidate);
        }
        JsonNode aligned = values.align(legacyJson, candidateJson);
        // The legacy text itself when all is explained: a comparison byte by byte (a non-JSON type) then agrees too.
        return aligned.equals(legacyJson) ? legacy : aligned.toString();
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
