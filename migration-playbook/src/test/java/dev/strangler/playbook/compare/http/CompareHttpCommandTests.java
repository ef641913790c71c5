package dev.strangler.playbook.compare.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.playbook.KitContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kit compare http} end to end: a scenario file, two small HTTP servers, the CLI's exit code and report. */
class CompareHttpCommandTests {

    private static final String SCENARIO = """
            {"name": "things", "steps": [
              {"name": "create a thing", "request": {"method": "POST", "path": "/api/things",
                 "body": {"name": "thing_{{unique}}"}},
               "expect": {"status": 201, "body": {"id": "{{capture:thingId}}", "name": "thing_{{unique}}"}}},
              {"name": "read it back", "request": {"method": "GET", "path": "/api/things/{{thingId}}"},
               "expect": {"status": 200, "body": {"id": "{{thingId}}"}}},
              {"name": "an unknown thing is not found", "request": {"method": "GET", "path": "/api/things/999999"},
               "expect": {"status": 404}}
            ]}
            """;

    @TempDir
    Path directory;

    private Path scenarios;
    private Path report;
    private ThingsServer legacy;
    private ThingsServer candidate;

    @BeforeEach
    void scenarioFile() throws IOException {
        scenarios = Files.createDirectories(directory.resolve("scenarios"));
        Files.writeString(scenarios.resolve("01-things.json"), SCENARIO);
        report = directory.resolve("reports").resolve("compare.md");
        legacy = new ThingsServer(10_231, "red");
    }

    @AfterEach
    void stopServers() {
        legacy.close();
        if (candidate != null) {
            candidate.close();
        }
    }

    @Test
    void sidesWithTheirOwnIdsTokensAndTimestampsButTheSameAnswersAreIdentical() throws IOException {
        candidate = new ThingsServer(7, "red");

        KitRun run = kit("--ignore", "$..createdAt", "--header", "Content-Type,Location");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("1 scenarios, 3 steps: 3 compared, 3 identical, 0 differing, 0 not compared")
                .contains("identical; report: " + report);
        assertThat(Files.readString(report)).contains("**Identical. ").contains("## Differing\n\nNone.");
    }

    @Test
    void aDifferingFieldIsReportedTheIgnoredOneIsNotAndTheExitCodeIsOne() throws IOException {
        candidate = new ThingsServer(7, "blue");

        KitRun run = kit("--ignore", "$..createdAt");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output())
                .contains("1 scenarios, 3 steps: 3 compared, 1 identical, 2 differing, 0 not compared")
                .contains("DIFFERS things / 1. create a thing (POST /api/things): $.colour")
                .contains("DIFFERS things / 2. read it back (GET /api/things/{{thingId}}): $.colour")
                .contains("not identical; report: " + report)
                .doesNotContain("createdAt");
        String markdown = Files.readString(report);
        assertThat(markdown)
                .contains("| legacy | " + legacy.url() + " |")
                .contains("| ignored paths | `$..createdAt` |")
                .contains("### things / 2. read it back\n\n`GET /api/things/{{thingId}}`: legacy 200, candidate 200")
                .contains("$.colour\n  legacy:    \"red\"\n  candidate: \"blue\"\n")
                .contains("## Not compared\n\nNone.")
                .doesNotContain("$.createdAt").doesNotContain("$.id");
        assertThat(Files.readString(report.resolveSibling("compare.html")))
                .contains("<h3>things / 2. read it back</h3>")
                .contains("&quot;colour&quot;: <mark>&quot;red&quot;</mark>")
                .contains("&quot;colour&quot;: <mark>&quot;blue&quot;</mark>");
    }

    @Test
    void withoutTheIgnoreRuleTheTimestampDiffersToo() {
        candidate = new ThingsServer(7, "red");

        KitRun run = kit();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("DIFFERS things / 1. create a thing (POST /api/things): $.createdAt");
    }

    @Test
    void aSideThatDoesNotAnswerIsBadInputOnOneLine() {
        candidate = new ThingsServer(7, "red");
        String gone = candidate.url().toString();
        candidate.close();
        candidate = null;

        KitRun run = kit("--legacy", legacy.url().toString(), "--candidate", gone, "--scenarios", scenarios.toString(),
                "--report", report.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errors().strip()).startsWith("kit http: --candidate " + gone + " does not answer: ")
                .doesNotContain("\n").doesNotContain("Exception:");
        assertThat(report).doesNotExist();
    }

    @Test
    void aMalformedUrlAMissingDirectoryAndABadJsonPathAreBadInput() {
        candidate = new ThingsServer(7, "red");
        String good = candidate.url().toString();

        KitRun url = kit("--legacy", "127.0.0.1:8081", "--candidate", good, "--scenarios", scenarios.toString());
        KitRun missing = kit("--legacy", good, "--candidate", good, "--scenarios", directory.resolve("nope").toString());
        KitRun path = kit("--legacy", good, "--candidate", good, "--scenarios", scenarios.toString(),
                "--ignore", "createdAt");

        assertThat(List.of(url.exitCode(), missing.exitCode(), path.exitCode())).containsOnly(2);
        assertThat(url.errors()).contains("--legacy '127.0.0.1:8081' is not a base URL such as http://127.0.0.1:8081");
        assertThat(missing.errors()).contains("--scenarios: scenario directory").contains("does not exist");
        assertThat(path.errors()).contains("--ignore 'createdAt' is not a JSON path");
    }

    @Test
    void givenIgnoreRulesReplaceTheDefaultOnes() {
        CompareHttpCommand defaults = new CompareHttpCommand(KitContext.ofProcess());
        new CommandLine(defaults).parseArgs("--legacy", "http://a", "--candidate", "http://b");
        CompareHttpCommand given = new CompareHttpCommand(KitContext.ofProcess());
        new CommandLine(given).parseArgs("--legacy", "http://a", "--candidate", "http://b", "--ignore", "$.x",
                "--ignore", "$.y", "--unordered", "$.content");

        assertThat(defaults.rules().ignorePaths()).containsExactly("$..joinedAt", "$..updatedAt", "$..orderedAt");
        assertThat(defaults.rules().compareHeaders()).containsExactly("Content-Type");
        assertThat(defaults.rules().unorderedArrays()).isEmpty();
        assertThat(given.rules().ignorePaths()).containsExactly("$.x", "$.y");
        assertThat(given.rules().unorderedArrays()).containsExactly("$.content");
    }

    private KitRun kit(String... options) {
        List<String> args = new ArrayList<>(List.of("compare", "http"));
        if (options.length == 0 || !options[0].equals("--legacy")) {
            args.addAll(List.of("--legacy", legacy.url().toString(), "--candidate", candidate.url().toString(),
                    "--scenarios", scenarios.toString(), "--report", report.toString()));
        }
        args.addAll(List.of(options));
        return KitRun.of(args.toArray(String[]::new));
    }
}
