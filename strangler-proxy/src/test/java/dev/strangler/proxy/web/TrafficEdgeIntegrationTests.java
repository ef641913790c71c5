package dev.strangler.proxy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.ProxyIntegrationTest;
import dev.strangler.proxy.support.TestBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Request identity, body limits and hop-by-hop headers on the traffic port. */
class TrafficEdgeIntegrationTests extends ProxyIntegrationTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void generatesARequestIdAndTraceparentWhenMissingPassesThemOnAndEchoesTheId() {
        String echoed = traffic().get().uri("/api/products/1").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseHeaders().getFirst("X-Request-Id");

        TestBackend.Received received = LEGACY.received().get(0);
        assertThat(echoed).isNotBlank().isEqualTo(received.header("X-Request-Id"));
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void keepsAClientsRequestIdAndValidTraceparentAndReplacesAnInvalidOne() {
        traffic().get().uri("/api/products/2").header("X-Request-Id", "client-id-1")
                .header("traceparent", TRACEPARENT).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Request-Id", "client-id-1")
                .expectBody();
        traffic().get().uri("/api/products/3").header("traceparent", "garbage").exchange().expectStatus().isOk()
                .expectBody();

        assertThat(LEGACY.received().get(0).header("X-Request-Id")).isEqualTo("client-id-1");
        assertThat(LEGACY.received().get(0).header("traceparent")).isEqualTo(TRACEPARENT);
        assertThat(LEGACY.received().get(1).header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void rejectsABodyOverTheLimitByItsDeclaredLengthWith413Problem() {
        traffic().post().uri("/api/products").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(70 * 1024)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://strangler.dev/problems/payload-too-large")
                .jsonPath("$.status").isEqualTo(413);
        assertThat(LEGACY.received()).isEmpty();
    }

    @Test
    void rejectsAChunkedBodyOverTheLimitAndPassesOneUnderIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> tooLarge = http.send(chunkedPost(new byte[70 * 1024]), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> small = http.send(chunkedPost("{\"a\":1}".getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("payload-too-large");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(LEGACY.received()).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo("{\"a\":1}");
            assertThat(r.header("Content-Length")).isEqualTo("7");
        });
    }

    @Test
    void dropsHopByHopHeadersIncludingThoseNamedInConnection() throws IOException {
        String request = "GET /api/products/9 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive, X-Secret-Hop\r\n"
                + "X-Secret-Hop: 1\r\nKeep-Alive: timeout=5\r\nProxy-Authorization: Basic Zm9vOmJhcg==\r\n"
                + "X-End-To-End: kept\r\nTE: trailers\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), trafficPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 200");
        }
        TestBackend.Received received = LEGACY.received().get(0);
        assertThat(received.header("X-End-To-End")).isEqualTo("kept");
        assertThat(received.header("X-Secret-Hop")).isNull();
        assertThat(received.header("Keep-Alive")).isNull();
        assertThat(received.header("Proxy-Authorization")).isNull();
        assertThat(received.header("TE")).isNull();
    }

    private HttpRequest chunkedPost(byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + trafficPort + "/api/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
    }
}
