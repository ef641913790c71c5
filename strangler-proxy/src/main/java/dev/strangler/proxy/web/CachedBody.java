package dev.strangler.proxy.web;

import org.springframework.web.server.ServerWebExchange;

/** The request body as read by {@link RequestBodyLimitFilter}, for sticky JSON keys and the shadow mirror. */
public final class CachedBody {

    static final String ATTRIBUTE = CachedBody.class.getName();

    private static final byte[] EMPTY = new byte[0];

    private CachedBody() {
    }

    /** The body's bytes; empty when the request had none. Never modify the array. */
    public static byte[] of(ServerWebExchange exchange) {
        byte[] bytes = exchange.getAttribute(ATTRIBUTE);
        return bytes == null ? EMPTY : bytes;
    }
}
