package dev.strangler.playbook.compare.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.diff.DiffRules;
import dev.strangler.diff.Difference;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import dev.strangler.scenario.Mismatch;
import dev.strangler.scenario.RecordedResponse;
import dev.strangler.scenario.Scenario;
import dev.strangler.scenario.ScenarioExpectation;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioRequest;
import dev.strangler.scenario.ScenarioResult;
import dev.strangler.scenario.ScenarioStep;
import dev.strangler.scenario.StepResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Two runs of a one-scenario suite, built by hand, paired and compared step by step. */
class SuiteComparisonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ScenarioStep CREATE = step("create a member", "POST", "/api/members");
    private static final ScenarioStep READ = step("read it back", "GET", "/api/members/{{memberId}}");
    private static final Scenario SCENARIO = new Scenario("members", null, List.of(CREATE, READ));

    private final SuiteComparison comparison = new SuiteComparison(
            new DiffRules(List.of("$..joinedAt"), List.of("Content-Type", "Location"), List.of()));

    @Test
    void answersThatDifferOnlyInTheirRunsOwnValuesAreIdentical() {
        ScenarioReport legacy = run(10231, "tok1", created("/api/members/10231", "{\"id\":10231,"
                + "\"loginId\":\"kim_tok1\",\"joinedAt\":\"2026-01-01T00:00:00Z\"}"),
                answered(200, "{\"id\":10231,\"loginId\":\"kim_tok1\"}"));
        ScenarioReport candidate = run(88, "tok2", created("/api/members/88", "{\"id\":88,"
                + "\"loginId\":\"kim_tok2\",\"joinedAt\":\"2026-01-01T00:00:09Z\"}"),
                answered(200, "{\"id\":88,\"loginId\":\"kim_tok2\"}"));

        List<StepComparison> steps = comparison.compare(legacy, candidate);

        assertThat(steps).extracting(StepComparison::verdict).containsExactly(Verdict.IDENTICAL, Verdict.IDENTICAL);
        assertThat(steps.get(1).title()).isEqualTo("members / 2. read it back");
        assertThat(steps.get(1).request()).isEqualTo("GET /api/members/{{memberId}}");
    }

    @Test
    void aRealDifferenceIsReportedWithBothValues() {
        ScenarioReport legacy = run(10231, "tok1", answered(201, "{\"id\":10231,\"grade\":\"BRONZE\"}"),
                answered(200, "{\"id\":10231,\"grade\":\"BRONZE\"}"));
        ScenarioReport candidate = run(88, "tok2", answered(201, "{\"id\":\"88\",\"grade\":\"BRONZE\"}"),
                answered(200, "{\"id\":88,\"grade\":\"SILVER\"}"));

        List<StepComparison> steps = comparison.compare(legacy, candidate);

        assertThat(steps).extracting(StepComparison::verdict).containsExactly(Verdict.DIFFERING, Verdict.DIFFERING);
        assertThat(steps.get(0).differences()).containsExactly(
                new Difference("$.id", "10231", "\"88\""));
        assertThat(steps.get(1).differences()).containsExactly(
                new Difference("$.grade", "\"BRONZE\"", "\"SILVER\""));
    }

    @Test
    void aSmallNumberThatHappensToEqualAnIdOnOneSideIsNotADifference() {
        ScenarioReport legacy = run(2, "tok1", answered(201, "{\"id\":2,\"quantity\":2}"),
                answered(200, "{\"detail\":\"Member 2 has 2 open orders\"}"));
        ScenarioReport candidate = run(88, "tok2", answered(201, "{\"id\":88,\"quantity\":2}"),
                answered(200, "{\"detail\":\"Member 88 has 2 open orders\"}"));

        assertThat(comparison.compare(legacy, candidate)).extracting(StepComparison::verdict)
                .containsOnly(Verdict.IDENTICAL);
    }

    @Test
    void aStepWithoutAnAnswerOnASideIsNotComparedAndSaysWhy() {
        ScenarioReport legacy = run(10231, "tok1", answered(201, "{\"id\":10231}"),
                answered(200, "{\"id\":10231}"));
        StepResult refused = new StepResult(CREATE, "/api/members", StepResult.Outcome.FAILED,
                List.of(new Mismatch("status", "201", "503")), new RecordedResponse(503, Map.of(), ""));
        StepResult skipped = new StepResult(READ, null, StepResult.Outcome.SKIPPED, List.of(), null);
        ScenarioReport candidate = new ScenarioReport(URI.create("http://candidate"), List.of(
                new ScenarioResult(SCENARIO, List.of(refused, skipped), Map.of("unique", text("tok2")))));

        List<StepComparison> steps = comparison.compare(legacy, candidate);

        assertThat(steps.get(0).verdict()).isEqualTo(Verdict.DIFFERING);
        assertThat(Difference.paths(steps.get(0).differences())).contains("status");
        assertThat(steps.get(1).verdict()).isEqualTo(Verdict.NOT_COMPARED);
        assertThat(steps.get(1).candidate()).isZero();
        assertThat(steps.get(1).reason())
                .isEqualTo("candidate: skipped, an earlier step of the scenario failed there");
    }

    private static ScenarioReport run(long memberId, String token, RecordedResponse create, RecordedResponse read) {
        Map<String, JsonNode> captured = Map.of("unique", text(token),
                "memberId", JSON.getNodeFactory().numberNode(memberId));
        List<StepResult> steps = List.of(
                new StepResult(CREATE, "/api/members", StepResult.Outcome.PASSED, List.of(), create),
                new StepResult(READ, "/api/members/" + memberId, StepResult.Outcome.PASSED, List.of(), read));
        return new ScenarioReport(URI.create("http://side"), List.of(new ScenarioResult(SCENARIO, steps, captured)));
    }

    private static RecordedResponse answered(int status, String body) {
        return new RecordedResponse(status, Map.of("content-type", List.of("application/json")), body);
    }

    private static RecordedResponse created(String location, String body) {
        return new RecordedResponse(201, Map.of("Content-Type", List.of("application/json"), "Location",
                List.of(location)), body);
    }

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().stringNode(value);
    }

    private static ScenarioStep step(String name, String method, String path) {
        return new ScenarioStep(name, new ScenarioRequest(method, path, Map.of(), null, null),
                new ScenarioExpectation(200, Map.of(), null));
    }
}
