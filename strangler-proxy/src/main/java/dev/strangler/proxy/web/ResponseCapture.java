package dev.strangler.proxy.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Copies an answer as it streams to the client, up to a size cap, without holding the stream back: every buffer is
 * passed on as soon as it is copied. Over the cap the copy is dropped. For the shadow mirror's comparison and the
 * traffic recording; status and headers are the decorated response's own.
 */
public final class ResponseCapture extends ServerHttpResponseDecorator {

    private final int maxBytes;
    private ByteArrayOutputStream copy = new ByteArrayOutputStream();

    public ResponseCapture(ServerHttpResponse delegate, int maxBytes) {
        super(delegate);
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return super.writeWith(Flux.from(body).doOnNext(this::copy));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return super.writeAndFlushWith(Flux.from(body).map(part -> Flux.from(part).doOnNext(this::copy)));
    }

    private synchronized void copy(DataBuffer buffer) {
        if (copy == null) {
            return;
        }
        int length = buffer.readableByteCount();
        if (copy.size() + length > maxBytes) {
            copy = null;
            return;
        }
        byte[] bytes = new byte[length];
        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, length);
        copy.writeBytes(bytes);
    }

    /** The body as the client got it, or null when it was larger than the cap. */
    public synchronized byte[] body() {
        return copy == null ? null : copy.toByteArray();
    }
}
