package dev.strangler.proxy.admin;

import dev.strangler.control.Access;
import dev.strangler.control.ControlTokenProperties;
import dev.strangler.control.ControlTokens;
import dev.strangler.proxy.web.ProblemResponses;
import dev.strangler.proxy.web.ProblemTypes;
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
 * Every request on the admin port needs {@code Authorization: Bearer <token>} with one of the kit's control tokens
 * (the admin token, an operator named {@code kit}, or a named one of {@code kit.control.tokens}), except the health
 * endpoint, which launchers and orchestrators poll without credentials, and the Prometheus endpoint while the admin
 * port listens on loopback only (a scraper elsewhere sends a viewer token). A viewer reads; a write needs an
 * operator. The granted token's name is left in the exchange for the flip's audit.
 */
class BearerTokenWebFilter implements WebFilter, Ordered {

    private static final String HEALTH = "/actuator/health";
    private static final String PROMETHEUS = "/actuator/prometheus";
    private static final String REALM = "Bearer realm=\"strangler-proxy-admin\"";

    private final ControlTokens tokens;
    private final JsonMapper json;
    private final boolean loopbackOnly;

    BearerTokenWebFilter(AdminProperties properties, ControlTokenProperties control, JsonMapper json,
                         @Value("${management.server.address:}") String managementAddress) {
        this.tokens = ControlTokens.of(properties.token(), control.tokens());
        this.json = json;
        this.loopbackOnly = ControlTokens.isLoopback(managementAddress);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/") || (loopbackOnly && path.equals(PROMETHEUS))) {
            return chain.filter(exchange);
        }
        Access access = tokens.check(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION),
                exchange.getRequest().getMethod().name());
        return switch (access.outcome()) {
            case GRANTED -> {
                exchange.getAttributes().put(ControlTokens.NAME_ATTRIBUTE, access.name());
                exchange.getAttributes().put(ControlTokens.ROLE_ATTRIBUTE, access.role());
                yield chain.filter(exchange);
            }
            case FORBIDDEN -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                        REALM + ", error=\"insufficient_scope\"");
                yield ProblemResponses.write(exchange, ProblemTypes.problem(HttpStatus.FORBIDDEN,
                        ProblemTypes.FORBIDDEN, "Forbidden", "The admin API lets the token '" + access.name()
                                + "' read only: " + exchange.getRequest().getMethod().name()
                                + " needs an operator token"), json);
            }
            case UNAUTHENTICATED -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, REALM);
                ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                        "Unauthorized", "The admin API needs Authorization: Bearer <token> with the proxy's admin "
                                + "token or a named control token");
                yield ProblemResponses.write(exchange, problem, json);
            }
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
