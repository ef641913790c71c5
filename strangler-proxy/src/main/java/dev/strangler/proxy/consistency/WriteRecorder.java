package dev.strangler.proxy.consistency;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what a successful write named just before its answer goes to the client: the client cannot send its next
 * request before that, so that request always finds the write pending. When the route names entities in the
 * answer's body, the (small) body of a write is read whole first.
 */
final class WriteRecorder extends ServerHttpResponseDecorator {

    private final RouteEntities entities;
    private final Set<String> named;
    private final JsonMapper json;
    private final Consumer<Set<String>> record;

    WriteRecorder(ServerHttpResponse delegate, RouteEntities entities, Set<String> named, JsonMapper json,
                  Consumer<Set<String>> record) {
        super(delegate);
        this.entities = entities;
        this.named = named;
        this.json = json;
        this.record = record;
        delegate.beforeCommit(() -> {
            recordIfSuccessful(null);
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (!entities.readsResponseBody() || !successful()) {
            return super.writeWith(body);
        }
        return DataBufferUtils.join(body).flatMap(joined -> {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.toByteBuffer(joined.readPosition(), java.nio.ByteBuffer.wrap(bytes), 0, bytes.length);
            recordIfSuccessful(parse(bytes));
            return super.writeWith(Mono.just(joined));
        });
    }

    private boolean successful() {
        HttpStatusCode status = getStatusCode();
        return status != null && status.is2xxSuccessful();
    }

    private void recordIfSuccessful(JsonNode body) {
        if (!successful()) {
            return;
        }
        Set<String> keys = new HashSet<>(named);
        keys.addAll(entities.inResponse(getHeaders(), body));
        if (!keys.isEmpty()) {
            record.accept(keys);
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return bytes.length == 0 ? null : json.readTree(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
