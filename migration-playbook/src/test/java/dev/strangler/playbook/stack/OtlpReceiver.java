package dev.strangler.playbook.stack;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OTLP/HTTP trace receiver in the test JVM: the parts export their spans here (protobuf on {@code /v1/traces}),
 * and the test reads which service produced which span of which trace.
 */
final class OtlpReceiver implements AutoCloseable {

    /**
     * @param service  the exporting part's {@code service.name}
     * @param traceId  hex
     * @param name     the span's name
     * @param kind     server, client, consumer, ...
     */
    record ReceivedSpan(String service, String traceId, String name, String kind) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                record(ExportTraceServiceRequest.parseFrom(body));
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private void record(ExportTraceServiceRequest request) {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name")).map(KeyValue::getValue)
                    .map(value -> value.getStringValue()).findFirst().orElse("?");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    spans.add(new ReceivedSpan(service, HexFormat.of().formatHex(span.getTraceId().toByteArray()),
                            span.getName(), span.getKind().name()));
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
