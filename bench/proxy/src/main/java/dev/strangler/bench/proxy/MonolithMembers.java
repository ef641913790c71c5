package dev.strangler.bench.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Registers the members the monolith scenario reads, through the monolith's own API, before any measurement. */
final class MonolithMembers {

    private MonolithMembers() {
    }

    /** Registers {@code count} members and returns the first id; the ids are consecutive on a fresh schema. */
    static long register(String monolith, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long first = -1;
        long last = -1;
        for (int i = 0; i < count; i++) {
            String body = "{\"loginId\":\"bench" + i + "\",\"name\":\"Member " + i + "\",\"email\":\"m" + i
                    + "@example.com\",\"grade\":\"GOLD\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(monolith + "/api/members"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("registration failed: " + response.statusCode() + " " + response.body()));
            last = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            first = first < 0 ? last : first;
        }
        if (last - first != count - 1) {
            throw new IllegalStateException("member ids are not consecutive: " + first + ".." + last);
        }
        return first;
    }
}
