package dev.strangler.proxy.admin;

import dev.strangler.proxy.web.ProblemResponses;
import dev.strangler.proxy.web.ProblemTypes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request on the admin port needs {@code Authorization: Bearer <token>}, except the health endpoint, which
 * launchers and orchestrators poll without credentials, and the Prometheus endpoint while the admin port listens on
 * loopback only (a scraper elsewhere sends the token). The token is compared in constant time.
 */
class BearerTokenWebFilter implements WebFilter, Ordered {

    private static final String HEALTH = "/actuator/health";
    private static final String PROMETHEUS = "/actuator/prometheus";

    private final byte[] token;
    private final JsonMapper json;
    private final boolean loopbackOnly;

    BearerTokenWebFilter(AdminProperties properties, JsonMapper json,
                         @Value("${management.server.address:}") String managementAddress) {
        this.token = properties.token().getBytes(StandardCharsets.UTF_8);
        this.json = json;
        this.loopbackOnly = isLoopback(managementAddress);
    }

    private static boolean isLoopback(String address) {
        try {
            return !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/") || (loopbackOnly && path.equals(PROMETHEUS))
                || authorized(exchange)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"strangler-proxy-admin\"");
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                "Unauthorized", "The admin API needs Authorization: Bearer <token> with the proxy's admin token");
        return ProblemResponses.write(exchange, problem, json);
    }

    private boolean authorized(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
