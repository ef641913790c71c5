package dev.strangler.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The proxy in front of a real HTTP backend standing in for the monolith, over real sockets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
class LegacyPassthroughIntegrationTests {

    private static final HttpServer legacy = startLegacy();

    @LocalServerPort
    int trafficPort;

    @LocalManagementPort
    int adminPort;

    @DynamicPropertySource
    static void legacyUrl(DynamicPropertyRegistry registry) {
        registry.add("LEGACY_URL", () -> "http://127.0.0.1:" + legacy.getAddress().getPort());
    }

    @AfterAll
    static void stopLegacy() {
        legacy.stop(0);
    }

    @Test
    void passesRequestsThroughToTheMonolith() {
        ResponseEntity<String> response = RestClient.create("http://127.0.0.1:" + trafficPort).get()
                .uri("/api/members/7").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("legacy answered GET /api/members/7");
    }

    @Test
    void servesHealthOnTheAdminPortOnlyNeverOnTheTrafficPort() {
        String health = RestClient.create("http://127.0.0.1:" + adminPort).get().uri("/actuator/health")
                .retrieve().body(String.class);
        String onTrafficPort = RestClient.create("http://127.0.0.1:" + trafficPort).get().uri("/actuator/health")
                .retrieve().body(String.class);

        assertThat(adminPort).isNotEqualTo(trafficPort);
        assertThat(health).contains("\"status\":\"UP\"");
        assertThat(onTrafficPort).isEqualTo("legacy answered GET /actuator/health");
    }

    private static HttpServer startLegacy() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = ("legacy answered " + exchange.getRequestMethod() + " " + exchange.getRequestURI())
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
