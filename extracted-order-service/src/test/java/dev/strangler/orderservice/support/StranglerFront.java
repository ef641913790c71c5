package dev.strangler.orderservice.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A minimal stand-in for the strangler proxy in the orders write cut-over: {@code /api/orders/**} and
 * {@code /api/members/{id}/orders} go to the order service, everything else to the monolith. After each write it
 * lets the {@link LegacyChangeRelay} carry the change across, as the CDC bridge would.
 */
public final class StranglerFront implements AutoCloseable {

    private static final Pattern ORDER_ROUTES = Pattern.compile("^/api/orders(/.*)?$|^/api/members/[^/]+/orders$");
    private static final List<String> COPIED_HEADERS = List.of("Content-Type", "Accept");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    public StranglerFront(String monolithUrl, String orderServiceUrl, LegacyChangeRelay relay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                boolean toService = ORDER_ROUTES.matcher(path).matches();
                HttpResponse<byte[]> response = forward(exchange, toService ? orderServiceUrl : monolithUrl);
                // The change is carried across before the client gets its answer, so the next step sees it.
                if (!exchange.getRequestMethod().equals("GET")) {
                    if (toService) {
                        relay.reverse();
                    } else {
                        relay.forward();
                    }
                }
                answer(exchange, response);
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, String target) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : COPIED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void answer(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")
                    && !name.equalsIgnoreCase(":status") && !name.equalsIgnoreCase("connection")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] payload = response.body();
        exchange.sendResponseHeaders(response.statusCode(), payload.length == 0 ? -1 : payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
