package dev.strangler.proxy.routing;

import static org.springframework.cloud.gateway.support.GatewayToStringStyler.filterToStringCreator;

import dev.strangler.proxy.consistency.ReadYourWrites;
import dev.strangler.proxy.hold.WriteHolds;
import dev.strangler.proxy.route.Mode;
import dev.strangler.proxy.route.ProxyProperties;
import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.shadow.ShadowMirror;
import dev.strangler.proxy.toggle.RouteToggle;
import dev.strangler.proxy.toggle.Toggles;
import dev.strangler.proxy.web.SafeMethods;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code Migration=<route>}: decides, once per request, which side serves it from the route's current toggle,
 * and in SHADOW mode captures the monolith's answer for the mirror. It runs before the gateway writes the response
 * (so it can wrap it); {@link SideRoutingFilter} then points the request at the chosen side. A write waits while its
 * route's writes are held for a cut-over ({@link WriteHolds}); a request that depends on a write another side took
 * waits for the change feed or goes to that side ({@link ReadYourWrites}).
 */
@Component
public class MigrationGatewayFilterFactory extends AbstractGatewayFilterFactory<MigrationGatewayFilterFactory.Config> {

    /** Just before {@link NettyWriteResponseFilter}, which writes the body into whatever response it is given. */
    public static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    private final RouteTable table;
    private final Toggles toggles;
    private final SideChooser chooser;
    private final RouteStatistics statistics;
    private final ShadowMirror mirror;
    private final WriteHolds holds;
    private final ReadYourWrites readYourWrites;
    private final String servedByHeader;

    MigrationGatewayFilterFactory(RouteTable table, Toggles toggles, SideChooser chooser,
            RouteStatistics statistics, ShadowMirror mirror, WriteHolds holds, ReadYourWrites readYourWrites,
            ProxyProperties properties) {
        super(Config.class);
        this.table = table;
        this.toggles = toggles;
        this.chooser = chooser;
        this.statistics = statistics;
        this.mirror = mirror;
        this.holds = holds;
        this.readYourWrites = readYourWrites;
        this.servedByHeader = properties.servedByHeader();
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("route");
    }

    @Override
    public GatewayFilter apply(Config config) {
        return new MigrationFilter(table.get(config.getRoute()));
    }

    private final class MigrationFilter implements GatewayFilter, Ordered {

        private final RouteProperties route;

        MigrationFilter(RouteProperties route) {
            this.route = route;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            if (!SafeMethods.isSafe(exchange.getRequest().getMethod())) {
                return holds.route(route.name(), exchange, toggle -> decide(exchange, chain, toggle));
            }
            return decide(exchange, chain, toggles.current(route.name()));
        }

        private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, RouteToggle toggle) {
            Side side = chooser.choose(route, toggle, exchange);
            if (readYourWrites.mayDepend(route)) {
                return readYourWrites.settle(route, exchange, side)
                        .flatMap(settled -> send(exchange, chain, toggle, settled));
            }
            return send(exchange, chain, toggle, side);
        }

        private Mono<Void> send(ServerWebExchange exchange, GatewayFilterChain chain, RouteToggle toggle, Side side) {
            exchange.getAttributes().put(RoutingDecision.ATTRIBUTE, new RoutingDecision(route, toggle.mode(), side));
            exchange.getAttributes().put(RoutingDecision.SERVED_BY_ATTRIBUTE, side);
            RouteStatistics.Counters counters = statistics.of(route.name());
            (side == Side.EXTRACTED ? counters.extracted : counters.legacy).increment();
            if (StringUtils.hasText(servedByHeader)) {
                exchange.getResponse().beforeCommit(() -> {
                    Side servedBy = exchange.getAttribute(RoutingDecision.SERVED_BY_ATTRIBUTE);
                    exchange.getResponse().getHeaders().set(servedByHeader, servedBy.label());
                    return Mono.empty();
                });
            }
            ServerWebExchange routed = exchange;
            if (readYourWrites.tracksWrites(route) && !SafeMethods.isSafe(exchange.getRequest().getMethod())) {
                routed = exchange.mutate().response(readYourWrites.recording(route, exchange, exchange.getResponse(),
                        () -> exchange.getAttribute(RoutingDecision.SERVED_BY_ATTRIBUTE))).build();
            }
            if (toggle.mode() == Mode.SHADOW && route.extractable()) {
                return mirror.shadow(route, routed, chain);
            }
            return chain.filter(routed);
        }

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        public String toString() {
            return filterToStringCreator(MigrationGatewayFilterFactory.this).append("route", route.name())
                    .toString();
        }
    }

    /** Names the row of the route table whose toggle this filter follows. */
    @Validated
    public static class Config {

        @NotBlank
        private String route;

        public String getRoute() {
            return route;
        }

        public void setRoute(String route) {
            this.route = route;
        }

        @Override
        public String toString() {
            return "Config[route=" + route + "]";
        }
    }
}
