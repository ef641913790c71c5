package dev.strangler.bench.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The benchmark's backends, in their own JVM with full JIT: a stand-in monolith and a stand-in extracted service
 * (Reactor Netty), both answering GET /api/members/{id} with the same small JSON document.
 * Started as {@code java -jar proxy-bench.jar backend <legacy port> <extracted port>}.
 */
final class BenchBackend {

    static void main(String[] args) throws InterruptedException {
        DisposableServer legacy = start(Integer.parseInt(args[0]));
        DisposableServer extracted = start(Integer.parseInt(args[1]));
        System.out.println("backends ready on " + legacy.port() + " and " + extracted.port());
        Thread.currentThread().join();
    }

    private static DisposableServer start(int port) {
        return HttpServer.create().host("127.0.0.1").port(port)
                .handle((request, response) -> {
                    String path = request.uri();
                    String id = path.substring(path.lastIndexOf('/') + 1);
                    byte[] body = ("{\"id\":" + id + ",\"name\":\"Member " + id + "\",\"email\":\"m" + id
                            + "@example.com\",\"grade\":\"GOLD\",\"tags\":[\"a\",\"b\"],\"createdAt\":"
                            + "\"2026-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8);
                    return response.header("Content-Type", "application/json")
                            .header("Content-Length", Integer.toString(body.length))
                            .sendByteArray(Mono.just(body)).then();
                })
                .bindNow(Duration.ofSeconds(10));
    }
}
