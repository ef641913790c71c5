package dev.strangler.playbook.compare.http;

import dev.strangler.diff.ComparedResponse;
import dev.strangler.diff.DiffRules;
import dev.strangler.diff.Redaction;
import dev.strangler.diff.ResponseComparator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each recorded request to the candidate, one after the other in the file's order, and compares the
 * candidate's answer with the recorded one by the shared diff rules. The candidate's answer is redacted by the
 * recording's own rules first, so a redacted value is never a difference.
 */
final class RecordedReplay {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Not sent again: hop-by-hop and framing headers (the client sets its own), and Accept-Encoding, which would
     * let the candidate answer compressed bytes the recording never held.
     */
    private static final Set<String> NOT_REPLAYED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        NOT_REPLAYED.addAll(List.of("Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive",
                "TE", "Trailer", "Upgrade", "Expect", "Proxy-Authorization", "Proxy-Authenticate",
                "Accept-Encoding", "HTTP2-Settings"));
    }

    private final String candidate;
    private final ResponseComparator comparator;
    private final HttpClient client;

    RecordedReplay(URI candidate, DiffRules rules, HttpClient client) {
        String base = candidate.toString();
        this.candidate = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.comparator = new ResponseComparator(rules, JSON);
        this.client = client;
    }

    List<StepComparison> replay(List<RecordedExchange> exchanges) {
        List<StepComparison> out = new ArrayList<>();
        exchanges.forEach(exchange -> out.add(replay(exchange)));
        return out;
    }

    private StepComparison replay(RecordedExchange exchange) {
        String title = exchange.title();
        if (exchange.requestBody().bytes() == null) {
            return StepComparison.notCompared(title, exchange.request(), exchange.status(), 0,
                    "not sent: the recording kept no request body (" + exchange.requestBody().omitted() + ")");
        }
        if (exchange.responseBody().bytes() == null) {
            return StepComparison.notCompared(title, exchange.request(), exchange.status(), 0,
                    "not sent: the recording kept no answer body (" + exchange.responseBody().omitted() + ")");
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request(exchange), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return StepComparison.notCompared(title, exchange.request(), exchange.status(), 0,
                    "candidate: no answer (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return StepComparison.notCompared(title, exchange.request(), exchange.status(), 0, "interrupted");
        }
        Redaction redaction = exchange.redaction();
        Map<String, List<String>> headers = redaction.headers(answer.headers().map());
        byte[] body = redaction.body(answer.headers().firstValue("Content-Type").orElse(null), answer.body(), JSON);
        ComparedResponse recorded = new ComparedResponse(exchange.status(), exchange.responseHeaders(),
                exchange.responseBody().bytes());
        ComparedResponse candidateAnswer = new ComparedResponse(answer.statusCode(), headers, body);
        return StepComparison.compared(title, exchange.request(), exchange.status(), answer.statusCode(),
                comparator.differences(recorded, candidateAnswer), text(recorded.body()), text(body));
    }

    private HttpRequest request(RecordedExchange exchange) {
        byte[] body = exchange.requestBody().bytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(candidate + exchange.path())).timeout(TIMEOUT)
                .method(exchange.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.requestHeaders().forEach((name, values) -> values.stream()
                .filter(value -> !NOT_REPLAYED.contains(name) && !Redaction.PLACEHOLDER.equals(value))
                .forEach(value -> header(request, name, value)));
        return request.build();
    }

    /** The JDK's client refuses a few more headers it sets itself (Date, Via, ...): those are left to it. */
    private static void header(HttpRequest.Builder request, String name, String value) {
        try {
            request.header(name, value);
        } catch (IllegalArgumentException e) {
            // restricted by the client: it sends its own
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
