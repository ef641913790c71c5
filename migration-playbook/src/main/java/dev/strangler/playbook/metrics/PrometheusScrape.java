package dev.strangler.playbook.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One scrape of a Prometheus text endpoint, parsed into samples: enough to read a part's figures from the same
 * meters a dashboard uses.
 *
 * @param samples every sample line, in order
 */
public record PrometheusScrape(List<Sample> samples) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /**
     * @param name   the metric name, e.g. {@code strangler_proxy_requests_seconds_count}
     * @param labels its labels
     * @param value  its value
     */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Scrapes {@code url}; empty when the endpoint does not answer 200. */
    public static Optional<PrometheusScrape> of(String url) {
        return of(url, null);
    }

    /** Scrapes {@code url} with a control token (an admin port off loopback wants one); empty unless 200. */
    public static Optional<PrometheusScrape> of(String url, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }

    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int braces = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = braces < 0 || braces > space ? line.substring(0, line.indexOf(' ')) : line.substring(0, braces);
            Map<String, String> labels = braces < 0 || braces > space ? Map.of()
                    : labels(line.substring(braces + 1, line.lastIndexOf('}')));
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
            } catch (NumberFormatException e) {
                // a timestamp after the value, or an exotic value: not a figure the kit reads
            }
        }
        return new PrometheusScrape(List.copyOf(samples));
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            int equals = text.indexOf('=', at);
            int open = text.indexOf('"', equals);
            int close = open + 1;
            while (close < text.length() && (text.charAt(close) != '"' || text.charAt(close - 1) == '\\')) {
                close++;
            }
            if (equals < 0 || open < 0 || close >= text.length()) {
                break;
            }
            labels.put(text.substring(at, equals).trim(), text.substring(open + 1, close));
            at = text.indexOf(',', close);
            at = at < 0 ? text.length() : at + 1;
        }
        return labels;
    }

    /** The metric names this scrape carries. */
    public List<String> names() {
        return samples.stream().map(Sample::name).distinct().toList();
    }

    public double sum(String name, Predicate<Map<String, String>> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && labels.test(s.labels()))
                .mapToDouble(Sample::value).sum();
    }

    public double sum(String name) {
        return sum(name, labels -> true);
    }

    public Optional<Double> max(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).map(Sample::value).max(Double::compare);
    }
}
