package dev.strangler.proxy.web;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} and a W3C {@code traceparent} when it arrives without (valid) ones,
 * passes both on to whichever side serves (and to the mirror), and echoes the request id in the response, so one
 * id follows a request through proxy, monolith, service and logs. The ids it makes up wait in the exchange for
 * {@link RequestIdentityHeadersFilter}, which writes them into the headers the gateway builds for the outgoing
 * request anyway: a mutated request would copy every header of every request that arrives without them.
 */
@Component
public class RequestIdentityFilter implements GlobalFilter, Ordered {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    /** The {@link Identity} to send on, when it differs from what the request carried. */
    static final String IDENTITY_ATTRIBUTE = RequestIdentityFilter.class.getName() + ".identity";

    /** version 00, 32 hex trace id and 16 hex parent id (neither all zeros), 2 hex flags. */
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile(
            "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final HexFormat HEX = HexFormat.of();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String requestId = headers.getFirst(REQUEST_ID);
        String traceparent = headers.getFirst(TRACEPARENT);
        boolean newId = requestId == null || requestId.isBlank() || requestId.length() > 200;
        boolean newTrace = traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent).matches();
        String id = newId ? newRequestId() : requestId;
        exchange.getResponse().getHeaders().set(REQUEST_ID, id);
        if (!newId && !newTrace) {
            return chain.filter(exchange);
        }
        exchange.getAttributes().put(IDENTITY_ATTRIBUTE, new Identity(id, newTrace ? newTraceparent() : traceparent));
        return chain.filter(exchange);
    }

    /** The request id and traceparent the sides receive. */
    record Identity(String requestId, String traceparent) {
    }

    /** A random (version 4) UUID; ids need to be unique, not unguessable, so no SecureRandom on the hot path. */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static String newTraceparent() {
        byte[] traceId = new byte[16];
        byte[] parentId = new byte[8];
        ThreadLocalRandom.current().nextBytes(traceId);
        ThreadLocalRandom.current().nextBytes(parentId);
        traceId[0] |= 1;
        parentId[0] |= 1;
        return "00-" + HEX.formatHex(traceId) + "-" + HEX.formatHex(parentId) + "-01";
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
