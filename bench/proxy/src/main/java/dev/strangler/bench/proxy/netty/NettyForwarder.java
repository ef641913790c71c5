package dev.strangler.bench.proxy.netty;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.time.Duration;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * The least a reverse proxy on the JVM does per request: Reactor Netty's server and pooled client, the method, path
 * and headers passed on (Host set to the backend's, as the gateway does), the answer's status, headers and body
 * streamed back. No route table, filters, meters or error handling. It is the ceiling of a lean LEGACY passthrough
 * core built on the same transport as the gateway, measured beside the gateways by the servers scenario
 * ({@code bench/proxy/servers.sh}). Started as {@code java -jar proxy-bench.jar netty-forwarder <port> <backend url>}.
 */
public final class NettyForwarder {

    private NettyForwarder() {
    }

    public static void main(String[] args) {
        URI backend = URI.create(args[1]);
        String host = backend.getHost() + ":" + backend.getPort();
        HttpClient client = HttpClient.create(ConnectionProvider.create("forwarder", 500)).baseUrl(args[1]);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .handle((request, response) -> client.request(request.method()).uri(request.uri())
                        .send((outbound, out) -> {
                            outbound.headers(request.requestHeaders()).header(HttpHeaderNames.HOST, host);
                            return out.send(request.receive().retain());
                        })
                        .response((answer, body) -> response.status(answer.status())
                                .headers(answer.responseHeaders()).send(body.retain()))
                        .then())
                .bindNow(Duration.ofSeconds(10));
        System.out.println("forwarder ready on " + server.port() + " to " + backend);
        server.onDispose().block();
    }
}
