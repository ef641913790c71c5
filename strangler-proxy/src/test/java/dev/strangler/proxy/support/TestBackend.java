package dev.strangler.proxy.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the monolith or an extracted service. Every answer is stamped with the
 * backend's name (header {@code X-Backend} and the JSON body's {@code side}), so a test can tell which side served;
 * every request received is recorded. The answer can be changed per test ({@link #behave}).
 */
public final class TestBackend implements AutoCloseable {

    /** What a backend received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status, extra headers, body (null for the stamped default) and a delay before answering. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {

        public static Reply ok() {
            return new Reply(200, Map.of(), null, 0);
        }

        public static Reply status(int status) {
            return new Reply(status, Map.of(), null, 0);
        }

        public static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body, 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    /** Chooses the answer for a request. */
    public interface Behaviour {
        Reply reply(Received request);
    }

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK stall every answer by up to 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private volatile Behaviour behaviour = request -> Reply.ok();

    public TestBackend(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    public void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    /** Back to stamped 200 answers, with nothing recorded. */
    public void reset() {
        behaviour = request -> Reply.ok();
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Reply reply = behaviour.reply(request);
            if (reply.delayMillis() > 0) {
                // Simulates a slow backend; the test itself waits on conditions, never on this.
                TimeUnit.MILLISECONDS.sleep(reply.delayMillis());
            }
            String answer = reply.body() != null ? reply.body() : "{\"side\":\"" + name + "\",\"method\":\""
                    + request.method() + "\",\"path\":\"" + request.path() + "\"}";
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Backend", name);
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            boolean noBody = exchange.getRequestMethod().equals("HEAD") || reply.status() == 204;
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : bytes.length);
            if (!noBody) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
