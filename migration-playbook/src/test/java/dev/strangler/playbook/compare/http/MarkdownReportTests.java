package dev.strangler.playbook.compare.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.diff.DiffRules;
import dev.strangler.diff.Difference;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import dev.strangler.scenario.ScenarioExpectation;
import dev.strangler.scenario.ScenarioRequest;
import dev.strangler.scenario.ScenarioStep;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTests {

    private static final ScenarioStep READ = new ScenarioStep("read the order",
            new ScenarioRequest("GET", "/api/orders/{{orderId}}", Map.of(), null, null),
            new ScenarioExpectation(200, Map.of(), null));

    @Test
    void listsEachDifferingStepWithItsDifferencesCappedAndEachUncomparedStepWithTheReason() {
        List<Difference> five = List.of(new Difference("$.a", "1", "2"), new Difference("$.b", "1", "2"),
                new Difference("$.c", "1", "2"), new Difference("$.d", "1", "2"), new Difference("status", "200", "404"));
        HttpComparison comparison = new HttpComparison(URI.create("http://legacy:8081"),
                URI.create("http://candidate:8083"), Path.of("/kit/scenarios"),
                new DiffRules(List.of("$..orderedAt"), List.of("Content-Type"), List.of("$.items")),
                Instant.parse("2026-11-24T10:15:30Z"), 2, List.of(
                        new StepComparison("orders", 1, READ, Verdict.IDENTICAL, 200, 200, List.of(), null),
                        new StepComparison("orders", 2, READ, Verdict.DIFFERING, 200, 404, five, null),
                        new StepComparison("orders", 3, READ, Verdict.NOT_COMPARED, 200, 0, List.of(),
                                "candidate: skipped, an earlier step of the scenario failed there")), 0, 1);

        String markdown = MarkdownReport.render(comparison, 3);

        assertThat(markdown)
                .contains("| candidate | http://candidate:8083 |")
                .contains("| ignored paths | `$..orderedAt` |\n| unordered arrays | `$.items` |")
                .contains("**Not identical. 2 scenarios, 3 steps: 2 compared, 1 identical, 1 differing, "
                        + "1 not compared")
                .contains("legacy 0, candidate 1.")
                .contains("### orders / 2. read the order\n\n`GET /api/orders/{{orderId}}`: legacy 200, candidate 404\n\n"
                        + "```text\n$.a\n  legacy:    1\n  candidate: 2\n$.b\n")
                .contains("$.c\n  legacy:    1\n  candidate: 2\n```\n\n… and 2 more\n")
                .doesNotContain("$.d").doesNotContain("### orders / 1.")
                .contains("## Not compared\n\n- orders / 3. read the order, `GET /api/orders/{{orderId}}`: "
                        + "candidate: skipped, an earlier step of the scenario failed there\n");
    }
}
