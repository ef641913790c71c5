package dev.strangler.playbook.compare.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.diff.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code kit compare http --recorded}: a recording in the proxy's format, taken from a real legacy server (its
 * {@code Authorization} header and {@code $.createdAt} redacted as the proxy would), replayed against a candidate.
 */
class CompareHttpRecordedTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Redaction REDACTION = new Redaction(List.of("Authorization"), List.of("$.createdAt"));
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    Path directory;

    private Path recording;
    private Path report;
    private ThingsServer candidate;

    @BeforeEach
    void recordFromALegacyServer() throws Exception {
        recording = directory.resolve("things.jsonl");
        report = directory.resolve("reports").resolve("replay.md");
        try (ThingsServer legacy = new ThingsServer(10_231, "red")) {
            List<String> lines = new ArrayList<>();
            lines.add(record(legacy, "POST", "/api/things", "{\"name\":\"" + SCRIPT + "\"}"));
            lines.add(record(legacy, "GET", "/api/things/10231", ""));
            lines.add(record(legacy, "GET", "/api/things/999999?verbose=true", ""));
            Files.write(recording, lines);
        }
    }

    @AfterEach
    void stopCandidate() {
        if (candidate != null) {
            candidate.close();
        }
    }

    @Test
    void aCandidateThatAnswersAsRecordedIsIdenticalAndGetsNoRedactedHeader() throws IOException {
        candidate = new ThingsServer(10_231, "red");

        KitRun run = kit("--recorded", recording.toString(), "--candidate", candidate.url().toString(),
                "--report", report.toString());

        assertThat(run.exitCode()).as(run.output() + run.errors()).isZero();
        assertThat(run.output()).contains("3 recorded exchanges from " + recording)
                .contains("3 recorded exchanges: 3 compared, 3 identical, 0 differing, 0 not compared")
                .contains("identical; report: " + report + " and " + directory.resolve("reports/replay.html"));
        assertThat(candidate.received).hasSize(4); // the reachability probe, then the three
        assertThat(candidate.received.subList(1, 4)).allSatisfy(headers -> {
            assertThat(headers.getFirst("Authorization")).isNull();
            assertThat(headers.getFirst("X-Tenant")).isEqualTo("acme");
        });
        assertThat(Files.readString(report)).contains("**Identical. ").contains("| recording | " + recording + " |")
                .contains("## Differing\n\nNone.");
    }

    @Test
    void aSeededBehaviourDifferenceIsFoundAndShownInBothReports() throws IOException {
        candidate = new ThingsServer(10_231, "blue");
        Files.writeString(recording, omittedBodyLine(), StandardOpenOption.APPEND);

        KitRun run = kit("--recorded", recording.toString(), "--candidate", candidate.url().toString(),
                "--report", report.toString());

        assertThat(run.exitCode()).as(run.output() + run.errors()).isEqualTo(1);
        assertThat(run.output())
                .contains("4 recorded exchanges: 3 compared, 1 identical, 2 differing, 1 not compared")
                .contains("DIFFERS things / line 1 (answered by legacy) (POST /api/things): $.colour")
                .contains("DIFFERS things / line 2 (answered by legacy) (GET /api/things/10231): $.colour")
                .contains("NOT COMPARED things / line 4 (answered by legacy) (GET /api/things/big): not sent: the "
                        + "recording kept no answer body (larger than max-body (65536 bytes))");
        assertThat(Files.readString(report))
                .contains("### things / line 2 (answered by legacy)\n\n`GET /api/things/10231`: recorded 200, "
                        + "candidate 200\n\n```text\n$.colour\n  recorded:  \"red\"\n  candidate: \"blue\"\n```")
                .doesNotContain("$.createdAt");
        String html = Files.readString(directory.resolve("reports/replay.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
                .contains("<h3>things / line 1 (answered by legacy)</h3>")
                .contains("<td><code>$.colour</code></td><td><code>&quot;red&quot;</code></td>")
                .contains("&quot;colour&quot;: <mark>&quot;red&quot;</mark>")
                .contains("&quot;colour&quot;: <mark>&quot;blue&quot;</mark>")
                .contains("&quot;name&quot;: &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;")
                .doesNotContain("<script").doesNotContain("src=").doesNotContain("<link");
    }

    @Test
    void aMissingFileAMalformedLineAndOptionsItExcludesAreBadInputAndWriteNoReport() throws IOException {
        candidate = new ThingsServer(10_231, "red");
        String url = candidate.url().toString();
        Path malformed = directory.resolve("malformed.jsonl");
        Files.write(malformed, List.of(Files.readAllLines(recording).get(0), "{\"request\":{\"method\":\"GET\"}}"));
        Path notJson = directory.resolve("not-json.jsonl");
        Files.write(notJson, List.of("", "", "GET /api/things"));

        KitRun missing = kit("--recorded", directory.resolve("nope.jsonl").toString(), "--candidate", url);
        KitRun badLine = kit("--recorded", malformed.toString(), "--candidate", url, "--report", report.toString());
        KitRun badJson = kit("--recorded", notJson.toString(), "--candidate", url, "--report", report.toString());
        KitRun withLegacy = kit("--recorded", recording.toString(), "--candidate", url, "--legacy", url);
        KitRun withScenarios = kit("--recorded", recording.toString(), "--candidate", url, "--scenarios", "x");
        KitRun neither = kit("--candidate", url);

        assertThat(List.of(missing, badLine, badJson, withLegacy, withScenarios, neither))
                .allSatisfy(run -> assertThat(run.exitCode()).as(run.errors()).isEqualTo(2));
        assertThat(missing.errors()).contains("--recorded " + directory.resolve("nope.jsonl") + " does not exist");
        assertThat(badLine.errors()).contains("--recorded " + malformed + ", line 2: not a recorded exchange: "
                + "request.path is missing");
        assertThat(badJson.errors()).contains("--recorded " + notJson + ", line 3: not a recorded exchange: not JSON");
        assertThat(withLegacy.errors()).contains("--recorded replays the recorded answers in place of a legacy side "
                + "and the scenarios: leave out --legacy");
        assertThat(withScenarios.errors()).contains("leave out --scenarios");
        assertThat(neither.errors()).contains("give --legacy URL to run the scenario suite on both sides, or "
                + "--recorded FILE");
        assertThat(report).doesNotExist();
        assertThat(candidate.received).isEmpty();
    }

    /** One exchange sent to the legacy server, written as the proxy's recording writes it. */
    private static String record(ThingsServer legacy, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(legacy.url() + path))
                .header("Authorization", "Bearer live-token").header("X-Tenant", "acme")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<byte[]> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        ObjectNode line = JSON.createObjectNode().put("route", "things").put("at", "2026-11-30T10:00:00Z")
                .put("servedBy", "legacy");
        ObjectNode recordedRequest = line.putObject("request").put("method", method).put("path", path);
        recordedRequest.set("headers", JSON.valueToTree(REDACTION.headers(Map.of("Authorization",
                List.of("Bearer live-token"), "X-Tenant", List.of("acme"), "Content-Type", List.of("application/json")))));
        recordedRequest.put("body", body);
        ObjectNode response = line.putObject("response").put("status", answer.statusCode());
        response.set("headers", JSON.valueToTree(REDACTION.headers(answer.headers().map())));
        response.put("body", new String(REDACTION.body(answer.headers().firstValue("Content-Type").orElse(null),
                answer.body(), JSON), StandardCharsets.UTF_8));
        line.putObject("redacted").set("headers", JSON.valueToTree(REDACTION.headerNames()));
        ((ObjectNode) line.get("redacted")).set("fields", JSON.valueToTree(REDACTION.fieldPaths()));
        return line.toString();
    }

    private static String omittedBodyLine() {
        return "{\"route\":\"things\",\"servedBy\":\"legacy\",\"request\":{\"method\":\"GET\",\"path\":\"/api/things/big\","
                + "\"headers\":{},\"body\":\"\"},\"response\":{\"status\":200,\"headers\":{\"Content-Type\":"
                + "[\"application/json\"]},\"bodyOmitted\":\"larger than max-body (65536 bytes)\"}}\n";
    }

    private static KitRun kit(String... options) {
        List<String> args = new ArrayList<>(List.of("compare", "http"));
        args.addAll(List.of(options));
        return KitRun.of(args.toArray(String[]::new));
    }
}
