package dev.strangler.playbook.compare.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.diff.DiffRules;
import dev.strangler.diff.Difference;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTests {

    private static final String TITLE = "orders / %d. read the order";
    private static final String READ = "GET /api/orders/{{orderId}}";

    @Test
    void listsEachDifferingStepWithItsDifferencesCappedAndEachUncomparedStepWithTheReason() {
        List<Difference> five = List.of(new Difference("$.a", "1", "2"), new Difference("$.b", "1", "2"),
                new Difference("$.c", "1", "2"), new Difference("$.d", "1", "2"), new Difference("status", "200", "404"));
        HttpComparison comparison = new HttpComparison(new ComparisonSource.Suite(URI.create("http://legacy:8081"),
                Path.of("/kit/scenarios"), 2, 0, 1), URI.create("http://candidate:8083"),
                new DiffRules(List.of("$..orderedAt"), List.of("Content-Type"), List.of("$.items")),
                Instant.parse("2026-11-24T10:15:30Z"), List.of(
                        StepComparison.compared(TITLE.formatted(1), READ, 200, 200, List.of(), "{}", "{}"),
                        StepComparison.compared(TITLE.formatted(2), READ, 200, 404, five, "{}", "{}"),
                        StepComparison.notCompared(TITLE.formatted(3), READ, 200, 0,
                                "candidate: skipped, an earlier step of the scenario failed there")));

        String markdown = MarkdownReport.render(comparison, 3);

        assertThat(markdown)
                .contains("| legacy | http://legacy:8081 |\n| scenarios | /kit/scenarios |\n"
                        + "| candidate | http://candidate:8083 |")
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
