package dev.strangler.proxy.recording;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.routing.MigrationGatewayFilterFactory;
import dev.strangler.proxy.routing.RoutingDecision;
import dev.strangler.proxy.routing.Side;
import dev.strangler.proxy.web.CachedBody;
import dev.strangler.proxy.web.ResponseCapture;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Records a sample of the recording routes' exchanges: the request as received and the answer as it streams to the
 * client (whichever side gave it). It wraps the response before the route's migration filter decides the side, so
 * it sees the answer after every fallback. A route that does not record costs one map lookup, no allocation; the
 * file is written on {@link RecordingWriter}'s thread, and nothing here can fail or delay the client's request.
 */
@Component
class TrafficRecorder implements GlobalFilter, Ordered {

    static final int ORDER = MigrationGatewayFilterFactory.ORDER - 1;

    /** By route name; empty when recording is off. */
    private final Map<String, RouteRecording> routes = new HashMap<>();
    private final RecordingWriter writer;
    private final int maxBody;

    TrafficRecorder(RecordingProperties properties, RouteTable table, RecordingWriter writer, MeterRegistry meters) {
        this.writer = writer;
        this.maxBody = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxBody().toBytes());
        if (properties.routes().isEmpty()) {
            return;
        }
        Path directory = properties.directory().toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("strangler.proxy.recording.directory: cannot create " + directory, e);
        }
        for (String route : properties.routes()) {
            if (table.find(route).isEmpty()) {
                throw new IllegalStateException("strangler.proxy.recording.routes: no route named '" + route
                        + "' in strangler.proxy.routes");
            }
            Path file = directory.resolve(route + ".jsonl");
            routes.put(route, new RouteRecording(route, file, properties.every(), properties.maxExchanges(),
                    linesIn(file), meters));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (routes.isEmpty()) {
            return chain.filter(exchange);
        }
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        RouteRecording recording = route == null ? null : routes.get(route.getId());
        if (recording == null || !recording.samples()) {
            return chain.filter(exchange);
        }
        ResponseCapture capture = new ResponseCapture(exchange.getResponse(), maxBody);
        return chain.filter(exchange.mutate().response(capture).build())
                .doOnSuccess(done -> record(recording, exchange, capture));
    }

    private void record(RouteRecording recording, ServerWebExchange exchange, ResponseCapture capture) {
        HttpStatusCode status = capture.getStatusCode();
        if (status == null || !recording.claim()) {
            return;
        }
        ServerHttpRequest request = exchange.getRequest();
        byte[] requestBody = CachedBody.of(exchange);
        Side servedBy = exchange.getAttribute(RoutingDecision.SERVED_BY_ATTRIBUTE);
        String query = request.getURI().getRawQuery();
        RecordedExchange recorded = new RecordedExchange(recording.route(), Instant.now(),
                servedBy == null ? null : servedBy.label(), request.getMethod().name(),
                request.getURI().getRawPath() + (query == null ? "" : "?" + query), copy(request.getHeaders()),
                requestBody.length > maxBody ? null : requestBody, status.value(), copy(capture.getHeaders()),
                capture.body());
        if (!writer.offer(recording, recorded)) {
            recording.release();
            recording.dropped.increment();
        }
    }

    private static Map<String, List<String>> copy(HttpHeaders headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    private static int linesIn(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return (int) Math.min(Integer.MAX_VALUE, lines.count());
        } catch (IOException e) {
            throw new UncheckedIOException("strangler.proxy.recording: cannot read " + file, e);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
