package dev.strangler.playbook.compare.http;

import dev.strangler.diff.DiffRules;
import dev.strangler.diff.Difference;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import dev.strangler.playbook.compare.http.StepComparison.Verdict;
import dev.strangler.scenario.ScenarioException;
import dev.strangler.scenario.ScenarioReport;
import dev.strangler.scenario.ScenarioRunner;
import dev.strangler.scenario.ScenarioSuite;
import dev.strangler.scenario.StepResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"Run the scenario suite against a legacy and a candidate base URL, each side on its own, and "
                + "compare every step's answers by the proxy's diff rules: status, chosen headers, JSON bodies "
                + "structurally. Or, with --recorded, replay the requests the proxy recorded against the candidate "
                + "and compare its answers with the recorded ones by the same rules. Prints a summary and writes a "
                + "Markdown and an HTML report.",
                "Exit code 0: every request answered alike; 1: one differed or could not be compared on both "
                        + "sides; 2: bad input or a side that does not answer."})
public final class CompareHttpCommand implements Callable<Integer> {

    private final KitContext kit;

    CompareHttpCommand(KitContext kit) {
        this.kit = kit;
    }

    /** The demo monolith's timestamps: two runs, on two sides, never share them. */
    private static final String DEFAULT_IGNORED = "$..joinedAt,$..updatedAt,$..orderedAt";

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = "--legacy", paramLabel = "URL",
            description = "the legacy side's base URL, e.g. http://127.0.0.1:8081 (unless --recorded)")
    String legacy;

    @Option(names = "--recorded", paramLabel = "FILE",
            description = "a proxy recording (strangler.proxy.recording, e.g. .kit/recordings/members-read.jsonl): "
                    + "its requests are replayed against --candidate and the answers compared with the recorded "
                    + "ones; instead of --legacy and --scenarios")
    Path recorded;

    @Option(names = "--candidate", required = true, paramLabel = "URL",
            description = "the candidate side's base URL, e.g. http://127.0.0.1:8082")
    String candidate;

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "the scenario directory, every *.json in it (default: legacy-monolith/scenarios)")
    Path scenarios;

    @Option(names = "--report", paramLabel = "FILE",
            description = "the Markdown report (default: .kit/reports/compare-http-<UTC time>.md)")
    Path report;

    @Option(names = "--ignore", paramLabel = "JSONPATH", split = ",", defaultValue = DEFAULT_IGNORED,
            description = "a JSON path left out of the comparison ($.a.b, $.items[*].id, $..at any depth, $.meta.*); "
                    + "repeatable; given ones replace the default: ${DEFAULT-VALUE}")
    List<String> ignore;

    @Option(names = "--unordered", paramLabel = "JSONPATH", split = ",",
            description = "an array compared in any order, e.g. $.content; repeatable (default: none)")
    List<String> unordered = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME", split = ",", defaultValue = "Content-Type",
            description = "a response header compared besides the status (Content-Type by media type only); "
                    + "repeatable (default: ${DEFAULT-VALUE})")
    List<String> headers;

    @Option(names = "--max-listed", defaultValue = "20",
            description = "differing and uncompared steps listed here, and differences per step in the report "
                    + "(default: ${DEFAULT-VALUE})")
    int maxListed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (recorded != null) {
            return replay(out);
        }
        if (legacy == null) {
            throw KitException.configuration("give --legacy URL to run the scenario suite on both sides, or "
                    + "--recorded FILE to replay a recording of the proxy against --candidate");
        }
        URI legacyUrl = BaseUrl.parse("--legacy", legacy);
        URI candidateUrl = BaseUrl.parse("--candidate", candidate);
        DiffRules rules = rules();
        Path directory = scenarios != null ? scenarios : kit.scenarios();
        ScenarioSuite suite = load(directory);
        Path file = prepare();
        HttpClient probe = client();
        BaseUrl.requireReachable("--legacy", legacyUrl, probe);
        BaseUrl.requireReachable("--candidate", candidateUrl, probe);

        out.printf("%d scenarios (%d steps) from %s: on legacy %s, then on candidate %s%n", suite.scenarios().size(),
                suite.stepCount(), directory, legacyUrl, candidateUrl);
        out.flush();
        ScenarioReport legacyRun = new ScenarioRunner(legacyUrl).run(suite);
        ScenarioReport candidateRun = new ScenarioRunner(candidateUrl).run(suite);
        List<StepComparison> steps = new SuiteComparison(rules).compare(legacyRun, candidateRun);
        ComparisonSource source = new ComparisonSource.Suite(legacyUrl, directory.toAbsolutePath(),
                legacyRun.scenarios().size(), legacyRun.count(StepResult.Outcome.FAILED),
                candidateRun.count(StepResult.Outcome.FAILED));
        return report(out, new HttpComparison(source, candidateUrl, rules, now(), steps), file);
    }

    /** {@code --recorded}: the recording stands in for the legacy side and the scenarios. */
    private int replay(PrintWriter out) {
        if (legacy != null || scenarios != null) {
            throw KitException.configuration("--recorded replays the recorded answers in place of a legacy side "
                    + "and the scenarios: leave out " + (legacy != null ? "--legacy" : "--scenarios"));
        }
        URI candidateUrl = BaseUrl.parse("--candidate", candidate);
        DiffRules rules = rules();
        Path file = recorded.toAbsolutePath();
        List<RecordedExchange> exchanges = Recording.read(file);
        Path reportFile = prepare();
        HttpClient client = client();
        BaseUrl.requireReachable("--candidate", candidateUrl, client);

        out.printf("%d recorded exchanges from %s: replaying on candidate %s%n", exchanges.size(), file,
                candidateUrl);
        out.flush();
        List<StepComparison> steps = new RecordedReplay(candidateUrl, rules, client).replay(exchanges);
        return report(out, new HttpComparison(new ComparisonSource.Recording(file), candidateUrl, rules, now(),
                steps), reportFile);
    }

    private int report(PrintWriter out, HttpComparison comparison, Path file) {
        Path html = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.md$", "") + ".html");
        write(file, MarkdownReport.render(comparison, maxListed));
        write(html, HtmlReport.render(comparison, maxListed));
        print(out, comparison, file, html);
        return comparison.identical() ? 0 : KitException.CHECK_FAILED;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    DiffRules rules() {
        requireJsonPaths("--ignore", ignore);
        requireJsonPaths("--unordered", unordered);
        return new DiffRules(ignore, headers, unordered);
    }

    private static void requireJsonPaths(String option, List<String> paths) {
        for (String path : paths) {
            if (!path.startsWith("$")) {
                throw KitException.configuration(option + " '" + path + "' is not a JSON path: start it with $, "
                        + "e.g. $..updatedAt or $.items[*].id");
            }
        }
    }

    private static ScenarioSuite load(Path directory) {
        try {
            return ScenarioSuite.load(directory);
        } catch (ScenarioException e) {
            throw KitException.configuration("--scenarios: " + e.getMessage());
        }
    }

    /** Checked before anything runs: a report that cannot be written would waste both runs. */
    private Path prepare() {
        Path absolute = (report != null ? report : kit.layout().kitDirectory().resolve("reports")
                .resolve("compare-http-" + FILE_TIME.format(Instant.now()) + ".md")).toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw KitException.configuration("--report: cannot create " + absolute.getParent() + ": " + e);
        }
        if (Files.isDirectory(absolute)) {
            throw KitException.configuration("--report: " + absolute + " is a directory, not a file");
        }
        return absolute;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw KitException.configuration("--report: cannot write " + file + ": " + e);
        }
    }

    private void print(PrintWriter out, HttpComparison comparison, Path file, Path html) {
        out.println(comparison.summary());
        if (comparison.source() instanceof ComparisonSource.Suite suite) {
            out.println(suite.checks());
        }
        list(out, comparison, Verdict.DIFFERING, "DIFFERS", step -> String.join(", ",
                step.differences().stream().map(Difference::path).toList()));
        list(out, comparison, Verdict.NOT_COMPARED, "NOT COMPARED", StepComparison::reason);
        out.println((comparison.identical() ? "identical" : "not identical") + "; report: " + file + " and " + html);
        out.flush();
    }

    private void list(PrintWriter out, HttpComparison comparison, Verdict verdict, String label,
                      Function<StepComparison, String> detail) {
        List<StepComparison> steps = comparison.with(verdict);
        steps.stream().limit(maxListed).forEach(step -> out.printf("  %s %s (%s): %s%n", label, step.title(),
                step.request(), detail.apply(step)));
        if (steps.size() > maxListed) {
            out.printf("  ... and %d more, in the report%n", steps.size() - maxListed);
        }
    }
}
