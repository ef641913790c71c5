package dev.strangler.proxy.routing;

import dev.strangler.proxy.route.RouteProperties;
import dev.strangler.proxy.route.RouteTable;
import dev.strangler.proxy.toggle.RouteToggle;
import dev.strangler.proxy.web.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Picks the side for a request from the route's current mode and, in CANARY, the sticky key's bucket. */
@Component
class SideChooser {

    private final Map<String, List<StickyKey>> stickyKeys;
    private final JsonMapper json;

    SideChooser(RouteTable table, JsonMapper json) {
        this.stickyKeys = table.all().stream().collect(Collectors.toUnmodifiableMap(RouteProperties::name,
                route -> StickyKey.parseAll(route.canary().stickyKeys())));
        this.json = json;
    }

    Side choose(RouteProperties route, RouteToggle toggle, ServerWebExchange exchange) {
        if (!route.extractable()) {
            return Side.LEGACY;
        }
        return switch (toggle.mode()) {
            case LEGACY, SHADOW -> Side.LEGACY;
            case EXTRACTED -> Side.EXTRACTED;
            case CANARY -> canary(route, toggle.canaryThreshold(), exchange);
        };
    }

    private Side canary(RouteProperties route, int threshold, ServerWebExchange exchange) {
        if (threshold <= 0) {
            return Side.LEGACY;
        }
        if (threshold >= StickyBucket.BUCKETS) {
            return Side.EXTRACTED;
        }
        return StickyBucket.of(stickyKey(route, exchange)) < threshold ? Side.EXTRACTED : Side.LEGACY;
    }

    /** The first configured key present in the request; the path when none is (so one URL always sticks). */
    String stickyKey(RouteProperties route, ServerWebExchange exchange) {
        Supplier<JsonNode> body = JsonBody.lazily(exchange, json);
        for (StickyKey key : stickyKeys.get(route.name())) {
            String value = key.valueIn(exchange.getRequest(), body);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }
}
