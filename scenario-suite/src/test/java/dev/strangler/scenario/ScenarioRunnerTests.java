package dev.strangler.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs scenarios against a real in-process HTTP server that echoes what it received. */
class ScenarioRunnerTests {

    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/things", this::echo);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void echo(HttpExchange exchange) throws IOException {
        String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String body = "{\"id\": 7, \"method\": \"" + exchange.getRequestMethod() + "\", \"path\": \""
                + exchange.getRequestURI().getPath() + "\", \"received\": " + (received.isEmpty() ? "null" : received)
                + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ScenarioReport run(ScenarioStep... steps) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        return new ScenarioRunner(base).run(new ScenarioSuite(List.of(new Scenario("echo", null, List.of(steps)))));
    }

    private static ScenarioStep step(String method, String path, String body, int status, String expected) {
        return new ScenarioStep(method + " " + path,
                new ScenarioRequest(method, path, Map.of(), body == null ? null : ScenarioSuite.JSON.readTree(body), null),
                new ScenarioExpectation(status, Map.of("Content-Type", "json"),
                        expected == null ? null : ScenarioSuite.JSON.readTree(expected)));
    }

    @Test
    void capturesAValueAndUsesItInALaterPathAndBody() {
        ScenarioReport report = run(
                step("POST", "/things", "{\"name\": \"n_{{unique}}\"}", 201, "{\"id\": \"{{capture:thingId}}\"}"),
                step("PUT", "/things/{{thingId}}", "{\"ref\": \"{{thingId}}\"}", 200,
                        "{\"path\": \"/things/7\", \"received\": {\"ref\": 7}}"));

        assertThat(report.passed()).as(report.render()).isTrue();
        assertThat(report.count(StepResult.Outcome.PASSED)).isEqualTo(2);
    }

    @Test
    void keepsEachResponseWholeAndWhatTheRunCaptured() {
        ScenarioReport report = run(
                step("POST", "/things", "{\"name\": \"n_{{unique}}\"}", 201, "{\"id\": \"{{capture:thingId}}\"}"));

        ScenarioResult result = report.scenarios().get(0);
        RecordedResponse response = result.steps().get(0).response();
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers().get("CONTENT-TYPE")).containsExactly("application/json");
        assertThat(response.body()).contains("\"received\": {\"name\":\"n_");
        assertThat(result.captured().get("thingId").asInt()).isEqualTo(7);
        assertThat(response.body()).contains(result.captured().get(Captures.UNIQUE).asString());
    }

    @Test
    void aFailedStepIsRenderedWithItsDifferencesAndTheRestIsSkipped() {
        ScenarioReport report = run(
                step("GET", "/things", null, 201, "{\"method\": \"POST\"}"),
                step("GET", "/things", null, 200, null));

        assertThat(report.passed()).isFalse();
        assertThat(report.count(StepResult.Outcome.SKIPPED)).isEqualTo(1);
        assertThat(report.render())
                .contains("FAILED scenario 'echo'")
                .contains("status: expected 201 but was 200")
                .contains("$.method: expected \"POST\" but was \"GET\"")
                .contains("response body: {\"id\": 7");
    }

    @Test
    void everyRunGetsItsOwnUniqueToken() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        ScenarioRunner runner = new ScenarioRunner(base);
        ScenarioSuite suite = new ScenarioSuite(List.of(new Scenario("unique", null,
                List.of(step("POST", "/things", "{\"loginId\": \"kim_{{unique}}\"}", 201, null)))));

        String first = runner.run(suite).scenarios().get(0).steps().get(0).responseBody();
        String second = runner.run(suite).scenarios().get(0).steps().get(0).responseBody();

        assertThat(first).matches(".*\"loginId\":\"kim_[0-9a-z]{10,}\".*").isNotEqualTo(second);
    }

    @Test
    void anUnreachableServerFailsTheStepWithTheReason() {
        server.stop(0);

        ScenarioReport report = run(step("GET", "/things", null, 200, null));

        assertThat(report.render()).contains("request: expected a response but was no response");
    }
}
