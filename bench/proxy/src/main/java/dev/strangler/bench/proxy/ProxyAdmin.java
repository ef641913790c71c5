package dev.strangler.bench.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The proxy's admin API, as the benchmark uses it: flip {@code members-read} and read its shadow parity. */
record ProxyAdmin(int port, String token) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    void flip(String mode) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request("/admin/routes/members-read/flips")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode
                        + "\",\"reason\":\"benchmark\",\"by\":\"bench/proxy\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("flip to " + mode + " failed: " + response.body());
        }
    }

    String parity() throws IOException, InterruptedException {
        return HTTP.send(request("/admin/routes/members-read/parity").build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
