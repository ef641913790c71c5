package dev.strangler.proxy.web;

import dev.strangler.proxy.route.ProxyProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects bodies over {@code strangler.proxy.max-request-body} with a 413 problem, by the declared length up front
 * or by counting a chunked body, and keeps the body in memory below that limit: a CANARY key may be a JSON field,
 * SHADOW mirrors the same bytes, and a fallback must be able to send them again. Requests without a body (most
 * reads) pass straight through.
 */
@Component
class RequestBodyLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = RequestIdentityFilter.ORDER + 1;

    private final int limit;

    RequestBodyLimitFilter(ProxyProperties properties) {
        this.limit = (int) Math.min(Integer.MAX_VALUE - 8, properties.maxRequestBody().toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length > limit) {
            return Mono.error(tooLarge());
        }
        if (length <= 0 && !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), limit)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(RequestBodyLimitFilter::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    exchange.getAttributes().put(CachedBody.ATTRIBUTE, body);
                    ServerHttpRequest replayable = new ReplayableRequest(request, body,
                            exchange.getResponse().bufferFactory());
                    return chain.filter(exchange.mutate().request(replayable).build());
                });
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private ErrorResponseException tooLarge() {
        return new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.problem(
                HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "Request body too large",
                "The request body is larger than the proxy accepts (" + limit + " bytes)"), null);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The request with its body as a fixed byte array: a fresh buffer on every subscription, a known length. */
    private static final class ReplayableRequest extends ServerHttpRequestDecorator {

        private final byte[] body;
        private final DataBufferFactory buffers;
        private final HttpHeaders headers;

        ReplayableRequest(ServerHttpRequest delegate, byte[] body, DataBufferFactory buffers) {
            super(delegate);
            this.body = body;
            this.buffers = buffers;
            HttpHeaders copy = HttpHeaders.copyOf(delegate.getHeaders());
            copy.remove(HttpHeaders.TRANSFER_ENCODING);
            copy.setContentLength(body.length);
            this.headers = HttpHeaders.readOnlyHttpHeaders(copy);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> Flux.just(buffers.wrap(body)));
        }
    }
}
