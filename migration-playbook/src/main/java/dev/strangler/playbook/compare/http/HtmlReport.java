package dev.strangler.playbook.compare.http;

import dev.strangler.diff.Difference;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import java.util.List;
import java.util.Set;

/**
 * The report of {@code kit compare http} as one self-contained HTML page (inline style, no scripts), beside the
 * Markdown one: the same content, plus both answers of every differing request with the differing values marked.
 * Everything that came from a side or a file is escaped.
 */
final class HtmlReport {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;max-width:110rem;color:#222}
            table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;\
            text-align:left;vertical-align:top}
            .identical{color:#1a7f37}.differing{color:#b42318}
            .answers{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
            pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:40rem;white-space:pre-wrap;word-break:break-all}
            mark{background:#ffd8a8}code{background:#f6f8fa}section{border-top:1px solid #ddd;margin-top:1.5rem}
            """;

    private HtmlReport() {
    }

    /** {@code maxDifferences}: the differences listed per request; the rest are counted (all are marked). */
    static String render(HttpComparison comparison, int maxDifferences) {
        String left = comparison.source().left();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>kit compare http</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + "<h1>kit compare http</h1>\n<table>\n");
        comparison.source().origin().forEach((name, value) -> row(html, name, value));
        row(html, "candidate", comparison.candidate().toString());
        row(html, "finished", comparison.finishedAt().toString());
        row(html, "compared", "status; headers " + list(comparison.rules().compareHeaders())
                + "; JSON bodies structurally");
        row(html, "ignored paths", list(comparison.rules().ignorePaths()));
        row(html, "unordered arrays", list(comparison.rules().unorderedArrays()));
        html.append("</table>\n<p class=\"").append(comparison.identical() ? "identical" : "differing")
                .append("\"><strong>").append(comparison.identical() ? "Identical. " : "Not identical. ")
                .append(Html.escape(comparison.summary())).append(".</strong></p>\n");
        comparison.source().notes().forEach(note -> html.append("<p>").append(Html.escape(note)).append("</p>\n"));

        html.append("<h2>Differing</h2>\n");
        List<StepComparison> differing = comparison.with(Verdict.DIFFERING);
        if (differing.isEmpty()) {
            html.append("<p>None.</p>\n");
        }
        differing.forEach(step -> differing(html, left, step, maxDifferences));

        html.append("<h2>Not compared</h2>\n");
        List<StepComparison> notCompared = comparison.with(Verdict.NOT_COMPARED);
        html.append(notCompared.isEmpty() ? "<p>None.</p>\n" : "<ul>\n");
        notCompared.forEach(step -> html.append("<li>").append(Html.escape(step.title())).append(", <code>")
                .append(Html.escape(step.request())).append("</code>: ").append(Html.escape(step.reason()))
                .append("</li>\n"));
        html.append(notCompared.isEmpty() ? "" : "</ul>\n");
        return html.append("</body>\n</html>\n").toString();
    }

    private static void differing(StringBuilder html, String left, StepComparison step, int maxDifferences) {
        html.append("<section>\n<h3>").append(Html.escape(step.title())).append("</h3>\n<p><code>")
                .append(Html.escape(step.request())).append("</code>: ").append(left).append(' ')
                .append(step.legacy()).append(", candidate ").append(step.candidate()).append("</p>\n")
                .append("<table>\n<tr><th>path</th><th>").append(left).append("</th><th>candidate</th></tr>\n");
        step.differences().stream().limit(maxDifferences).forEach(difference -> html.append("<tr><td><code>")
                .append(Html.escape(difference.path())).append("</code></td><td><code>")
                .append(Html.escape(difference.left())).append("</code></td><td><code>")
                .append(Html.escape(difference.right())).append("</code></td></tr>\n"));
        html.append("</table>\n");
        if (step.differences().size() > maxDifferences) {
            html.append("<p>… and ").append(step.differences().size() - maxDifferences).append(" more</p>\n");
        }
        Set<String> paths = Difference.paths(step.differences());
        html.append("<div class=\"answers\">\n<div><h4>").append(left).append("</h4><pre>")
                .append(HighlightedJson.html(step.legacyBody(), paths)).append("</pre></div>\n<div><h4>candidate</h4><pre>")
                .append(HighlightedJson.html(step.candidateBody(), paths)).append("</pre></div>\n</div>\n</section>\n");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(Html.escape(name)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", values);
    }
}
