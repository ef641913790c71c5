package dev.strangler.playbook.compare.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny in-process HTTP API, one per side: {@code POST /api/things} and {@code GET /api/things/{id}}. Each side
 * numbers its things from its own first id and has its own creation time, as two real deployments would; the
 * colour is what a test makes differ.
 */
final class ThingsServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final AtomicLong nextId;
    private final String colour;
    private final Instant createdAt;
    private final Map<Long, ObjectNode> things = new ConcurrentHashMap<>();
    /** Every request's headers, in order: what a replay sent. */
    final List<Headers> received = new CopyOnWriteArrayList<>();

    ThingsServer(long firstId, String colour) {
        this.nextId = new AtomicLong(firstId);
        this.colour = colour;
        // Fixed per side rather than the clock's: two sides must differ here, in every run.
        this.createdAt = Instant.ofEpochSecond(1_700_000_000L + firstId);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(exchange.getRequestHeaders());
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST") && path.equals("/api/things")) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            long id = nextId.getAndIncrement();
            ObjectNode thing = JSON.createObjectNode().put("id", id).put("name", request.path("name").asString())
                    .put("colour", colour).put("createdAt", createdAt.toString());
            things.put(id, thing);
            exchange.getResponseHeaders().add("Location", "/api/things/" + id);
            reply(exchange, 201, "application/json", thing.toString());
        } else if (exchange.getRequestMethod().equals("GET") && path.startsWith("/api/things/")) {
            String id = path.substring("/api/things/".length());
            ObjectNode thing = id.matches("\\d{1,18}") ? things.get(Long.parseLong(id)) : null;
            if (thing == null) {
                reply(exchange, 404, "application/problem+json", "{\"type\":\"https://example.test/not-found\","
                        + "\"status\":404,\"detail\":\"Thing " + id + " was not found\"}");
            } else {
                reply(exchange, 200, "application/json;charset=UTF-8", thing.toString());
            }
        } else {
            reply(exchange, 404, "text/plain", "no such route");
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
