package dev.strangler.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Sends one step's request with placeholders resolved and checks the response against its expectation. */
final class StepExecutor {

    private final String baseUrl;
    private final HttpClient client;
    private final Duration requestTimeout;

    StepExecutor(URI baseUrl, HttpClient client, Duration requestTimeout) {
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    StepResult execute(ScenarioStep step, Captures captures) {
        String path = null;
        try {
            path = Placeholders.resolveText(step.request().path(), captures);
            HttpResponse<String> response = client.send(request(step.request(), path, captures),
                    BodyHandlers.ofString());
            List<Mismatch> mismatches = check(step.expect(), response, captures);
            return new StepResult(step, path, mismatches.isEmpty() ? StepResult.Outcome.PASSED
                    : StepResult.Outcome.FAILED, mismatches, new RecordedResponse(response.statusCode(),
                    response.headers().map(), response.body()));
        } catch (ScenarioException e) {
            return StepResult.error(step, path, e.getMessage());
        } catch (IOException e) {
            return StepResult.error(step, path, "no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepResult.error(step, path, "interrupted");
        }
    }

    private HttpRequest request(ScenarioRequest request, String path, Captures captures) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json");
        request.headers().forEach((name, value) -> builder.header(name, Placeholders.resolveText(value, captures)));
        if (!request.hasBody()) {
            return builder.method(request.method(), BodyPublishers.noBody()).build();
        }
        String body = request.rawBody() != null ? Placeholders.resolveText(request.rawBody(), captures)
                : Placeholders.resolveNode(request.body(), captures).toString();
        return builder.header("Content-Type", "application/json")
                .method(request.method(), BodyPublishers.ofString(body)).build();
    }

    private static List<Mismatch> check(ScenarioExpectation expect, HttpResponse<String> response,
                                        Captures captures) {
        List<Mismatch> mismatches = new ArrayList<>();
        if (response.statusCode() != expect.status()) {
            mismatches.add(new Mismatch("status", String.valueOf(expect.status()),
                    String.valueOf(response.statusCode())));
        }
        for (Map.Entry<String, String> header : expect.headers().entrySet()) {
            String expected = Placeholders.resolveText(header.getValue(), captures);
            String actual = response.headers().firstValue(header.getKey()).orElse(null);
            if (actual == null || !actual.contains(expected)) {
                mismatches.add(new Mismatch("header " + header.getKey(), "containing \"" + expected + "\"",
                        actual == null ? "missing" : "\"" + actual + "\""));
            }
        }
        if (expect.body() != null) {
            mismatches.addAll(checkBody(expect.body(), response.body(), captures));
        }
        return mismatches;
    }

    private static List<Mismatch> checkBody(JsonNode expected, String body, Captures captures) {
        JsonNode actual;
        try {
            actual = ScenarioSuite.JSON.readTree(body == null || body.isBlank() ? "null" : body);
        } catch (JacksonException e) {
            return List.of(new Mismatch("$", "a JSON body", "not JSON: " + Abbreviation.of(body)));
        }
        return JsonMatcher.match(expected, actual, captures);
    }
}
