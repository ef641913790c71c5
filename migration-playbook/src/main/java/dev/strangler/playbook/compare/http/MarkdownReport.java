package dev.strangler.playbook.compare.http;

import dev.strangler.diff.Difference;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/** The report file of {@code kit compare http}: what was compared, by which rules, and every step that differed. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    /** {@code maxDifferences}: the differences shown per step; the rest are counted. */
    static String render(HttpComparison comparison, int maxDifferences) {
        StringBuilder md = new StringBuilder("# kit compare http\n\n");
        md.append("| | |\n|---|---|\n")
                .append("| legacy | ").append(comparison.legacy()).append(" |\n")
                .append("| candidate | ").append(comparison.candidate()).append(" |\n")
                .append("| scenarios | `").append(comparison.scenarios()).append("` |\n")
                .append("| finished | ").append(comparison.finishedAt()).append(" |\n")
                .append("| compared | status; headers ").append(list(comparison.rules().compareHeaders()))
                .append("; JSON bodies structurally |\n")
                .append("| ignored paths | ").append(list(comparison.rules().ignorePaths())).append(" |\n")
                .append("| unordered arrays | ").append(list(comparison.rules().unorderedArrays())).append(" |\n\n");
        md.append("**").append(comparison.identical() ? "Identical. " : "Not identical. ")
                .append(comparison.summary()).append(".**\n\n")
                .append(comparison.scenarioChecks()).append(".\n\n")
                .append("Each side ran every scenario on its own, so the values a run makes up (its unique token, the ")
                .append("ids its scenarios captured) count as equal where they stand in the same place on both sides. ")
                .append("A generated value a scenario does not capture differs: capture it, or ignore its path.\n");

        md.append("\n## Differing steps\n");
        List<StepComparison> differing = comparison.with(Verdict.DIFFERING);
        if (differing.isEmpty()) {
            md.append("\nNone.\n");
        }
        for (StepComparison step : differing) {
            md.append("\n### ").append(step.title()).append("\n\n`").append(step.request()).append("`: legacy ")
                    .append(step.legacy()).append(", candidate ").append(step.candidate()).append("\n\n```text\n");
            step.differences().stream().limit(maxDifferences).forEach(difference -> md.append(lines(difference)));
            md.append("```\n");
            if (step.differences().size() > maxDifferences) {
                md.append("\n… and ").append(step.differences().size() - maxDifferences).append(" more\n");
            }
        }

        md.append("\n## Not compared\n\n");
        List<StepComparison> notCompared = comparison.with(Verdict.NOT_COMPARED);
        if (notCompared.isEmpty()) {
            md.append("None.\n");
        }
        notCompared.forEach(step -> md.append("- ").append(step.title()).append(", `").append(step.request())
                .append("`: ").append(step.reason()).append('\n'));
        return md.toString();
    }

    private static String lines(Difference difference) {
        return difference.path() + "\n  legacy:    " + indented(difference.left()) + "\n  candidate: "
                + indented(difference.right()) + "\n";
    }

    /** A body of several lines stays readable under its label. */
    private static String indented(String value) {
        return value.replace("\n", "\n             ");
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : values.stream().map(value -> "`" + value + "`")
                .collect(Collectors.joining(", "));
    }
}
