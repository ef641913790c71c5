package dev.strangler.playbook.compare.http;

import dev.strangler.diff.Difference;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/** The report file of {@code kit compare http}: what was compared, by which rules, and every request that differed. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    /** {@code maxDifferences}: the differences shown per request; the rest are counted. */
    static String render(HttpComparison comparison, int maxDifferences) {
        String left = comparison.source().left();
        StringBuilder md = new StringBuilder("# kit compare http\n\n| | |\n|---|---|\n");
        comparison.source().origin().forEach((name, value) -> md.append("| ").append(name).append(" | ")
                .append(value).append(" |\n"));
        md.append("| candidate | ").append(comparison.candidate()).append(" |\n")
                .append("| finished | ").append(comparison.finishedAt()).append(" |\n")
                .append("| compared | status; headers ").append(list(comparison.rules().compareHeaders()))
                .append("; JSON bodies structurally |\n")
                .append("| ignored paths | ").append(list(comparison.rules().ignorePaths())).append(" |\n")
                .append("| unordered arrays | ").append(list(comparison.rules().unorderedArrays())).append(" |\n\n");
        md.append("**").append(comparison.identical() ? "Identical. " : "Not identical. ")
                .append(comparison.summary()).append(".**\n");
        comparison.source().notes().forEach(note -> md.append('\n').append(note).append('\n'));

        md.append("\n## Differing\n");
        List<StepComparison> differing = comparison.with(Verdict.DIFFERING);
        if (differing.isEmpty()) {
            md.append("\nNone.\n");
        }
        for (StepComparison step : differing) {
            md.append("\n### ").append(step.title()).append("\n\n`").append(step.request()).append("`: ")
                    .append(left).append(' ').append(step.legacy()).append(", candidate ").append(step.candidate())
                    .append("\n\n```text\n");
            step.differences().stream().limit(maxDifferences).forEach(difference -> md.append(lines(left, difference)));
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

    private static String lines(String left, Difference difference) {
        return difference.path() + "\n  " + label(left) + indented(difference.left()) + "\n  " + label("candidate")
                + indented(difference.right()) + "\n";
    }

    /** Both values start in the same column. */
    private static String label(String name) {
        return String.format("%-11s", name + ":");
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
